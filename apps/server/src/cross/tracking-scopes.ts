import { type BackendAdapter, type CallOptions, MlopsError, type Tracking } from '@mlops-mcp/core';

/** The scopes a cross-backend search covers, and what went wrong listing them, if anything. */
export interface TrackingScopes {
  ids: string[];
  capped: boolean;
  caveat?: string;
}

/**
 * The scope ids (experiments, projects) a cross-backend search covers, narrowed by a name
 * fragment, and whether the list was capped. When listing fails and the backend has a configured
 * default (W&B: WANDB_PROJECT), that one is searched and `caveat` says so.
 */
export async function trackingScopes(
  adapter: BackendAdapter,
  tracking: Tracking,
  nameFragment: string | undefined,
  options: CallOptions,
): Promise<TrackingScopes> {
  try {
    return await tracking.listScopes(nameFragment, options);
  } catch (error) {
    if (options.signal?.aborted || !tracking.defaultExperimentId) throw error;
    const fallback = await tracking.defaultExperimentId(options).catch(() => undefined);
    if (!fallback) throw error;
    const reason = MlopsError.isInstance(error) ? error.message : 'an unexpected error';
    const matches = !nameFragment || fallback.toLowerCase().includes(nameFragment.toLowerCase());
    const noun = tracking.scopeNoun;
    return {
      ids: matches ? [fallback] : [],
      capped: false,
      caveat:
        `Listing ${adapter.backend} ${noun}s failed (${reason}); searched only the default ${noun} ` +
        `${fallback}${matches ? '' : `, which does not match "${nameFragment}"`}.`,
    };
  }
}

/** Lists one backend's scopes for a name fragment; within one tool call, each list is read once. */
export type ScopesOnce = (
  adapter: BackendAdapter,
  nameFragment: string | undefined,
  options: CallOptions,
) => Promise<TrackingScopes>;

/**
 * A per-call memo of `trackingScopes`: an `mlops_*` call that searches runs, traces and what a
 * window hid lists each backend's experiments or projects once, not once per search.
 */
export function scopesOnce(): ScopesOnce {
  const listed = new Map<string, Promise<TrackingScopes>>();
  return (adapter, nameFragment, options) => {
    const tracking = adapter.capabilities.tracking;
    if (!tracking) return Promise.resolve({ ids: [], capped: false });
    const key = `${adapter.backend}\u0000${nameFragment ?? '\u0001'}`;
    let found = listed.get(key);
    if (!found) {
      found = trackingScopes(adapter, tracking, nameFragment, options);
      listed.set(key, found);
    }
    return found;
  };
}
