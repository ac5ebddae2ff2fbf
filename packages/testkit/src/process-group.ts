import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { registerLive, unregisterLive } from './server-registry.js';
import { startWatchdog } from './watchdog.js';

/** A process running as the leader of its own process group, output appended to a log file. */
export interface GroupProcess {
  pid: number;
  /** True once the leader process has exited. */
  exited(): boolean;
  /** SIGTERM the whole group, wait up to `graceMs` for it to vanish, then SIGKILL. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

/** Where a group process runs, its environment, log file and the dir its watchdog cleans up. */
export interface SpawnGroupOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Directory the watchdog removes if the owner dies without stopping the group. */
  cleanupDir: string;
}

/** Spawn `command` detached in its own process group, tracked for cleanup on exit and by a watchdog. */
export function spawnGroup(command: string, args: string[], opts: SpawnGroupOptions): GroupProcess {
  const logFd = openSync(opts.logFile, 'a');
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`testkit: failed to spawn ${command}`);
  }
  let leaderExited = false;
  child.once('exit', () => {
    leaderExited = true;
  });
  child.on('error', () => {
    leaderExited = true;
  });
  const exited = () => leaderExited;

  const watchdog = startWatchdog(pid, opts.cleanupDir);
  const killable = { killNow: () => signalGroup(pid, 'SIGTERM') };
  registerLive(killable);

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 15_000): Promise<void> => {
    stopping ??= (async () => {
      signalGroup(pid, 'SIGTERM');
      if (!(await waitForGroupExit(pid, exited, graceMs))) {
        signalGroup(pid, 'SIGKILL');
        await waitForGroupExit(pid, exited, 5_000);
      }
      unregisterLive(killable);
      watchdog.dismiss();
    })();
    return stopping;
  };

  return { pid, exited, stop };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Wait until the leader has exited and no process remains in the group; false on timeout. */
async function waitForGroupExit(
  pgid: number,
  leaderExited: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!leaderExited() || groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await delay(50);
  }
  return true;
}
