import { type BackendAdapter, type BackendId, MlopsError } from '@mlops-mcp/core';
import { z } from 'zod';

/** A backend that could not answer: reported beside the results instead of failing the call. */
export const CaveatSchema = z.object({
  backend: z.string(),
  kind: z.string(),
  message: z.string(),
});
export type Caveat = z.infer<typeof CaveatSchema>;

export interface FanOutOptions {
  signal: AbortSignal;
  /** Per-backend deadline: a slow backend becomes a caveat, not a slow answer. */
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
      const signal = AbortSignal.any([
        options.signal,
        AbortSignal.timeout(options.timeoutMs ?? 20_000),
      ]);
      try {
        results.push({ backend: adapter.backend, value: await task(adapter, signal) });
      } catch (error) {
        if (options.signal.aborted) throw error;
        caveats.push(caveatOf(adapter.backend, error));
      } finally {
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
