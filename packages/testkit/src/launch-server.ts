import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { logTail } from './log-tail.js';
import { type GroupProcess, spawnGroup } from './process-group.js';
import type { RunningServer } from './running-server.js';
import { waitForHttp } from './wait-for-http.js';

/** How to run and probe one kind of backend server. */
export interface ServerSpec {
  /** Short name used for the temp dir, the log file and messages, e.g. 'mlflow'. */
  name: string;
  /** Runs once in the server's fresh `dir` before the first start (e.g. lays down a database). */
  prepare?(dir: string): Promise<void>;
  /** Command, arguments and environment for a server storing its state under `dir`. */
  command(dir: string, port: number): { cmd: string; args: string[]; env: NodeJS.ProcessEnv };
  /** Public URL handed to clients. */
  url(port: number): string;
  /** URL that answers 200 once the server is ready. */
  healthUrl(port: number): string;
  /** Fixed port; default: pick a free one (retrying on a bind race). */
  port?: number;
  readyTimeoutMs: number;
}

const MAX_ATTEMPTS = 3;
const PORT_CLASH = /address already in use|Errno 98|EADDRINUSE/i;

/** Start a server in a fresh temp dir and its own process group; resolve once it is healthy. */
export async function launchServer(spec: ServerSpec): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), `mlops-mcp-${spec.name}-`));
  const logFile = join(dir, `${spec.name}.log`);
  const started = Date.now();
  try {
    await spec.prepare?.(dir);
    for (let attempt = 1; ; attempt++) {
      const port = spec.port ?? (await freePort());
      const { cmd, args, env } = spec.command(dir, port);
      const proc = spawnGroup(cmd, args, { cwd: dir, env, logFile, cleanupDir: dir });
      try {
        await waitForHttp(spec.healthUrl(port), {
          timeoutMs: spec.readyTimeoutMs,
          abandon: proc.exited,
        });
      } catch (err) {
        await proc.stop(5_000);
        const tail = logTail(logFile);
        if (spec.port === undefined && attempt < MAX_ATTEMPTS && PORT_CLASH.test(tail)) continue;
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(
          `testkit: ${spec.name} did not become ready: ${reason}\n--- ${logFile} (tail) ---\n${tail}`,
        );
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`testkit: ${spec.name} ready at ${spec.url(port)} in ${seconds} s\n`);
      return runningServer(spec.url(port), dir, logFile, proc);
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

function runningServer(
  url: string,
  dir: string,
  logFile: string,
  proc: GroupProcess,
): RunningServer {
  let stopping: Promise<void> | undefined;
  return {
    url,
    dir,
    logFile,
    pid: proc.pid,
    stop() {
      stopping ??= proc.stop().then(() => rm(dir, { recursive: true, force: true }));
      return stopping;
    },
  };
}
