import { spawn } from 'node:child_process';

/**
 * Source of the watchdog, run as `node -e` in its own detached process with argv
 * `<pgid> <dir> [graceMs]`. When its stdin reaches EOF — because the owner closed it or died,
 * even by SIGKILL — it terminates the server's process group (SIGTERM, then SIGKILL after
 * graceMs) and removes the server's temp dir.
 */
export const WATCHDOG_SOURCE = `
const pgid = Number(process.argv[1]);
const dir = process.argv[2];
const graceMs = Number(process.argv[3] || 10000);
const alive = () => { try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const finish = () => {
  if (dir) { try { require('node:fs').rmSync(dir, { recursive: true, force: true }); } catch {} }
  process.exit(0);
};
const signal = (sig) => { try { process.kill(-pgid, sig); } catch {} };
const waitGone = (ms, onTimeout) => {
  const deadline = Date.now() + ms;
  const check = () => {
    if (!alive()) return finish();
    if (Date.now() > deadline) return onTimeout();
    setTimeout(check, 100);
  };
  check();
};
let reaping = false;
const reap = () => {
  if (reaping) return;
  reaping = true;
  signal('SIGTERM');
  waitGone(graceMs, () => { signal('SIGKILL'); waitGone(5000, finish); });
};
process.on('SIGINT', () => {});
process.stdin.on('end', reap);
process.stdin.on('error', reap);
process.stdin.resume();
`;

/** A guard process that kills a server group if its owner goes away without stopping it. */
export interface Watchdog {
  /** Dismiss the guard after a clean stop (kills the watchdog itself, not the server). */
  dismiss(): void;
}

/** Start a watchdog for process group `pgid`; it also deletes `dir` after reaping the group. */
export function startWatchdog(pgid: number, dir: string): Watchdog {
  const child = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, String(pgid), dir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => {});
  child.stdin?.on('error', () => {});
  // Neither the process nor the pipe may keep the owner's event loop alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    dismiss() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
