import type { BackendAdapter, Run, Tracking } from '@mlops-mcp/core';
import {
  mlflowFilter,
  mlflowOrder,
  type RunQuery,
  rankedBy,
  statusMatches,
  wandbFilter,
  wandbOrder,
} from './run-query.js';
import { trackingScopes } from './tracking-scopes.js';

/**
 * Runs one neutral query against one tracking backend: resolves its experiments/projects,
 * translates the query to the backend's filter language and returns neutral runs.
 */
export async function searchRunsOn(
  adapter: BackendAdapter,
  query: RunQuery,
  since: Date | undefined,
  limit: number,
  signal: AbortSignal,
  /** Only runs started before this (a probe for what a window hid). */
  before?: Date,
): Promise<{ runs: Run[]; scopes: number; capped: boolean; caveat?: string }> {
  const tracking = adapter.capabilities.tracking as Tracking;
  const options = { signal };
  const { ids, capped, caveat } = await trackingScopes(
    adapter,
    tracking,
    query.experiment,
    options,
  );
  const noted = caveat ? { caveat } : {};
  if (ids.length === 0) return { runs: [], scopes: 0, capped, ...noted };
  const runs: Run[] = [];
  if (adapter.backend === 'mlflow') {
    for (let i = 0; i < ids.length; i += 100) {
      const page = await tracking.searchRuns(
        {
          experimentIds: ids.slice(i, i + 100),
          filter: mlflowFilter(query, since, before),
          orderBy: mlflowOrder(query),
          limit,
        },
        options,
      );
      runs.push(...page.items);
    }
  } else {
    for (const id of ids) {
      const page = await tracking.searchRuns(
        {
          experimentIds: [id],
          filter: wandbFilter(query, since, before),
          orderBy: wandbOrder(query),
          limit,
        },
        options,
      );
      runs.push(...page.items);
    }
  }
  return {
    runs: runs.filter((run) => statusMatches(run.status, query.status)),
    scopes: ids.length,
    capped,
    ...noted,
  };
}

/** Orders merged runs: by the query's metric (missing or non-finite last), else newest first. */
export function rankRuns(runs: Run[], query: RunQuery): Run[] {
  const orderBy = rankedBy(query);
  if (!orderBy)
    return [...runs].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  const value = (run: Run) => {
    const raw = run.metrics?.[orderBy.metric];
    return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
  };
  return [...runs].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined) return vb === undefined ? 0 : 1;
    if (vb === undefined) return -1;
    return orderBy.direction === 'asc' ? va - vb : vb - va;
  });
}
