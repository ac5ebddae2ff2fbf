/** A caller's signal joined to a deadline, released as soon as the work ends. */
export interface Deadline {
  /** Aborts when the deadline passes or the caller's signal aborts, whichever comes first. */
  readonly signal: AbortSignal;
  /** Whether it was the deadline (not the caller) that aborted `signal`. */
  readonly expired: boolean;
  /** Clears the timer and the listener on the caller's signal; call it when the work ends. */
  release(): void;
}

/**
 * `AbortSignal.any([outer, AbortSignal.timeout(ms)])`, without their cost per call: a
 * `timeout` signal keeps its timer alive for the whole deadline (60 s by default), even after
 * the request it guarded answered in milliseconds, so a busy gateway held one live timer per
 * request of the last minute, and `any` kept one more composite signal per request. Here the
 * timer is cleared and the listener removed by `release()`.
 */
export function startDeadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
  }, ms);
  // A deadline alone never keeps the process alive, as AbortSignal.timeout's does not.
  timer.unref();
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    release() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
