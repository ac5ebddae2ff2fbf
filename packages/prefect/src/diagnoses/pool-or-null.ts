import { type CallOptions, MlopsError } from '@mlops-mcp/core';
import type { PrefectAdapter } from '../prefect-adapter.js';
import type { PrefectWorkPoolView } from '../work-pools/work-pool.js';

/** The pool with workers and queues, or null when a run names a pool that no longer exists. */
export async function poolOrNull(
  client: PrefectAdapter,
  name: string,
  options?: CallOptions,
): Promise<PrefectWorkPoolView | null> {
  try {
    return await client.getWorkPool(name, options);
  } catch (error) {
    if (MlopsError.isInstance(error) && error.kind === 'not_found') return null;
    throw error;
  }
}
