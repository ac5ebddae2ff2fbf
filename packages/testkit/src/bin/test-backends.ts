#!/usr/bin/env node
/**
 * Starts every real backend a test run shares (seeded MLflow, Prefect and Weave, the W&B
 * stand-in) once, writes their JSON (URLs and seeds) to the file given as the only argument, then
 * prints "ready" on stdout and stays up until SIGINT/SIGTERM/SIGHUP. scripts/test.sh starts it
 * while lint and typecheck run and points MLOPS_MCP_TEST_BACKENDS at the file, so every package's
 * vitest run reuses these servers instead of starting its own.
 */
import { writeFileSync } from 'node:fs';
import { startBackends } from '../shared/start-backends.js';

async function main(argv: string[]): Promise<void> {
  const [file, ...rest] = argv;
  if (!file || rest.length > 0) {
    process.stderr.write('usage: test-backends <file to write the backends JSON to>\n');
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const { backends, stop } = await startBackends(['mlflow', 'prefect', 'weave', 'standin']);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`test-backends: stopping (${signal})\n`);
      void stop().finally(() => process.exit(0));
    });
  }
  writeFileSync(file, `${JSON.stringify(backends)}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`test-backends: all backends ready in ${seconds} s\n`);
  process.stdout.write('ready\n');
  // The stand-in's HTTP server keeps the event loop alive until a signal stops everything.
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`test-backends: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
