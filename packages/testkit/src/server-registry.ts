/** Something that can be killed synchronously, e.g. from a process 'exit' hook. */
export interface Killable {
  killNow(): void;
}

const live = new Set<Killable>();
let hooked = false;

/** Track a running server so it is killed if this process exits or is interrupted first. */
export function registerLive(entry: Killable): void {
  live.add(entry);
  installHooks();
}

/** Stop tracking a server that has been stopped. */
export function unregisterLive(entry: Killable): void {
  live.delete(entry);
}

/** Send SIGTERM to every tracked server group right now (synchronous; safe in an 'exit' hook). */
export function killAllLive(): void {
  for (const entry of live) {
    try {
      entry.killNow();
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAllLive();
  // If nobody else handles this signal, restore the default behaviour (terminate) and re-raise.
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAllLive);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}
