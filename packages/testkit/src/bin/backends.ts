#!/usr/bin/env node
/**
 * Start real backends for demos: a seeded MLflow server, plus a seeded Prefect with --prefect.
 * Prints one JSON line on stdout once everything is ready:
 *   {"mlflowUrl":"http://127.0.0.1:PORT","prefectUrl":"http://127.0.0.1:PORT/api","invocationId":"..."}
 * and stops the servers on SIGINT/SIGTERM/SIGHUP, or when stdin closes (if stdin is a pipe or a
 * terminal; a /dev/null stdin, as background jobs get, is ignored).
 */
import { fstatSync } from 'node:fs';
import { startSeededMlflow, startSeededPrefect } from '../index.js';
import type { RunningServer } from '../running-server.js';

const USAGE = 'usage: backends [--prefect]\n';

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((arg) => arg !== '--prefect');
  if (unknown.length > 0) {
    process.stderr.write(`backends: unknown argument(s): ${unknown.join(' ')}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const servers: RunningServer[] = [];
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (why: string): Promise<void> => {
    shuttingDown ??= (async () => {
      process.stderr.write(`backends: stopping (${why})\n`);
      await Promise.allSettled(servers.map((server) => server.stop()));
      process.exit(0);
    })();
    return shuttingDown;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(signal));
  }
  if (stdinIsWatchable()) {
    process.stdin.on('end', () => void shutdown('stdin closed'));
    process.stdin.on('error', () => void shutdown('stdin error'));
    process.stdin.resume();
  }

  const [mlflow, prefect] = await Promise.allSettled([
    startSeededMlflow(),
    argv.includes('--prefect') ? startSeededPrefect() : Promise.resolve(undefined),
  ]);
  if (mlflow.status === 'fulfilled') servers.push(mlflow.value.server);
  if (prefect.status === 'fulfilled' && prefect.value) servers.push(prefect.value.server);
  if (mlflow.status === 'rejected' || prefect.status === 'rejected') {
    await Promise.allSettled(servers.map((server) => server.stop()));
    throw mlflow.status === 'rejected' ? mlflow.reason : (prefect as PromiseRejectedResult).reason;
  }

  const ready: Record<string, string> = {
    mlflowUrl: mlflow.value.server.url,
    invocationId: mlflow.value.seed.invocationId,
  };
  if (prefect.value) ready.prefectUrl = prefect.value.server.url;
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

/** A pipe, socket or terminal on stdin can signal "stop" by closing; /dev/null or a file cannot. */
function stdinIsWatchable(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket() || process.stdin.isTTY === true;
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`backends: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
