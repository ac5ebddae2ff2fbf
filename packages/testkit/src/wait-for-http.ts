import { setTimeout as delay } from 'node:timers/promises';

/** Deadline, early-abandon check and poll interval for waitForHttp. */
export interface WaitForHttpOptions {
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Stop early (and fail) when this returns true, e.g. because the server process died. */
  abandon?: () => boolean;
  /** Delay between attempts; default 250 ms. */
  intervalMs?: number;
}

/** Poll `url` with GET until it answers 200, or throw when the deadline passes or `abandon()` is true. */
export async function waitForHttp(url: string, opts: WaitForHttpOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no response yet';
  for (;;) {
    if (opts.abandon?.()) throw new Error(`gave up waiting for ${url}: process exited (${last})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.body?.cancel();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? (causeOf(err) ?? err.message) : String(err);
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${url} (${last})`);
    }
    await delay(opts.intervalMs ?? 250);
  }
}

function causeOf(err: Error): string | undefined {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : undefined;
}
