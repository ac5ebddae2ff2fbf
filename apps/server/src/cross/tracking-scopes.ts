import { type BackendAdapter, type CallOptions, MlopsError, type Tracking } from '@mlops-mcp/core';

/** At most this many W&B projects are searched per call (W&B searches one project per request). */
export const MAX_WANDB_PROJECTS = 10;
/** MLflow accepts many experiment ids per search; these caps keep one request reasonable. */
const MAX_MLFLOW_EXPERIMENTS = 500;

/**
 * The experiment ids (MLflow) or `entity/project` ids (W&B) a cross-backend search covers,
 * narrowed by a name fragment, and whether the list was capped. When listing fails and the
 * backend has a configured default (WANDB_PROJECT), that one is searched and `caveat` says so.
 */
export async function trackingScopes(
  adapter: BackendAdapter,
  tracking: Tracking,
  nameFragment: string | undefined,
  options: CallOptions,
): Promise<{ ids: string[]; capped: boolean; caveat?: string }> {
  try {
    return await listScopes(adapter, tracking, nameFragment, options);
  } catch (error) {
    if (options.signal?.aborted || !tracking.defaultExperimentId) throw error;
    const fallback = await tracking.defaultExperimentId(options).catch(() => undefined);
    if (!fallback) throw error;
    const reason = MlopsError.isInstance(error) ? error.message : 'an unexpected error';
    const matches = !nameFragment || fallback.toLowerCase().includes(nameFragment.toLowerCase());
    return {
      ids: matches ? [fallback] : [],
      capped: false,
      caveat:
        `Listing ${adapter.backend} projects failed (${reason}); searched only the default project ` +
        `${fallback}${matches ? '' : `, which does not match "${nameFragment}"`}.`,
    };
  }
}

async function listScopes(
  adapter: BackendAdapter,
  tracking: Tracking,
  nameFragment: string | undefined,
  options: CallOptions,
): Promise<{ ids: string[]; capped: boolean }> {
  if (adapter.backend === 'mlflow') {
    const filter = nameFragment ? `name LIKE '%${nameFragment.replace(/'/g, "\\'")}%'` : undefined;
    const page = await tracking.searchExperiments(
      { filter, limit: MAX_MLFLOW_EXPERIMENTS },
      options,
    );
    return { ids: page.items.map((e) => e.id), capped: page.nextCursor !== undefined };
  }
  const page = await tracking.searchExperiments({ filter: nameFragment, limit: 100 }, options);
  const ids = page.items.map((e) => e.id);
  return {
    ids: ids.slice(0, MAX_WANDB_PROJECTS),
    capped: ids.length > MAX_WANDB_PROJECTS || page.nextCursor !== undefined,
  };
}
