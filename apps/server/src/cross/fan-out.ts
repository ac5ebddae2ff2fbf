import { type BackendAdapter, type BackendId, MlopsError, startDeadline } from '@mlops-mcp/core';
import { z } from 'zod';

/** A backend that could not answer: reported beside the results instead of failing the call. */
export const CaveatSchema = z.object({
  backend: z.string(),
  kind: z.string(),
  message: z.string(),
});
export type Caveat = z.infer<typeof CaveatSchema>;

const DEFAULT_FAN_OUT_TIMEOUT_MS = 20_000;

export interface FanOutOptions {
  signal: AbortSignal;
  /**
   * Per-backend deadline (default 20 s): a slow backend becomes a caveat, not a slow answer. It
   * is deliberately independent of the gateway's backend timeout (MLOPS_MCP_BACKEND_TIMEOUT_MS,
   * one call): a shorter backend timeout ends that backend's calls first (a `timeout` caveat from
   * the call); a longer one still gives up here, and the caveat says so and points at the
   * backend's own tools, which wait the full backend timeout.
   */
  timeoutMs?: number;
  progress?: (update: { progress: number; total: number; message: string }) => Promise<void>;
}

/**
 * Runs `task` against each adapter concurrently. Each backend gets its own deadline and the
 * caller's cancellation; a backend that fails, times out or lacks the capability becomes a
 * caveat. Progress is reported as backends finish.
 */
export async function fanOut<T>(
  adapters: readonly BackendAdapter[],
  task: (adapter: BackendAdapter, signal: AbortSignal) => Promise<T>,
  options: FanOutOptions,
): Promise<{ results: { backend: BackendId; value: T }[]; caveats: Caveat[] }> {
  const results: { backend: BackendId; value: T }[] = [];
  const caveats: Caveat[] = [];
  let done = 0;
  await Promise.all(
    adapters.map(async (adapter) => {
      const timeoutMs = options.timeoutMs ?? DEFAULT_FAN_OUT_TIMEOUT_MS;
      const deadline = startDeadline(timeoutMs, options.signal);
      try {
        results.push({ backend: adapter.backend, value: await task(adapter, deadline.signal) });
      } catch (error) {
        if (options.signal.aborted) throw error;
        // Our deadline reaches the HTTP client as a cancellation; report it as the timeout it is.
        caveats.push(
          deadline.expired
            ? deadlineCaveat(adapter.backend, timeoutMs)
            : caveatOf(adapter.backend, error),
        );
      } finally {
        deadline.release();
        done++;
        await options.progress?.({
          progress: done,
          total: adapters.length,
          message: `${adapter.backend} answered (${done}/${adapters.length})`,
        });
      }
    }),
  );
  // Deterministic order whatever order the backends answered in.
  const order = adapters.map((adapter) => adapter.backend);
  results.sort((a, b) => order.indexOf(a.backend) - order.indexOf(b.backend));
  caveats.sort(
    (a, b) => order.indexOf(a.backend as BackendId) - order.indexOf(b.backend as BackendId),
  );
  return { results, caveats };
}

function deadlineCaveat(backend: BackendId, timeoutMs: number): Caveat {
  return {
    backend,
    kind: 'timeout',
    message: `${backend} did not answer within ${timeoutMs} ms, the per-backend limit of cross-backend tools. Its own ${backend}_* tools wait up to the gateway's backend timeout.`,
  };
}

function caveatOf(backend: BackendId, error: unknown): Caveat {
  if (MlopsError.isInstance(error)) {
    return {
      backend,
      kind: error.kind,
      message: error.hint ? `${error.message} ${error.hint}` : error.message,
    };
  }
  const timedOut =
    error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return {
    backend,
    kind: timedOut ? 'timeout' : 'internal',
    message: timedOut ? `${backend} did not answer in time.` : `${backend} failed unexpectedly.`,
  };
}
