/** What one window of closed-loop load achieved. */
export interface WindowResult {
  calls: number;
  errors: number;
  /** From the start until the last call in flight at the deadline finished. */
  elapsedMs: number;
}

/**
 * Closed-loop load: `clients` loops each call `call(client)` back to back until `durationMs`
 * has passed, then finish the call in flight. Failed calls are counted, not retried.
 */
export async function runWindow(
  clients: number,
  durationMs: number,
  call: (client: number) => Promise<unknown>,
): Promise<WindowResult> {
  const started = performance.now();
  const deadline = started + durationMs;
  let calls = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        try {
          await call(client);
          calls++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { calls, errors, elapsedMs: performance.now() - started };
}
