import type { BackendAdapter, Run, Tracking } from '@mlops-mcp/core';
import { type RunQueryInput, rankedBy, toRunQuery } from './run-query.js';
import type { ScopesOnce } from './tracking-scopes.js';

/**
 * Runs one neutral query against one tracking backend: lists its scopes (once per call, through
 * `scopes`), and lets the backend translate the query (core's Tracking.queryRuns).
 */
export async function searchRunsOn(
  adapter: BackendAdapter,
  query: RunQueryInput,
  since: Date | undefined,
  limit: number,
  signal: AbortSignal,
  scopes: ScopesOnce,
  /** Only runs started before this (a probe for what a window hid). */
  before?: Date,
): Promise<{ runs: Run[]; scopes: number; capped: boolean; caveat?: string }> {
  const tracking = adapter.capabilities.tracking as Tracking;
  const options = { signal };
  const { ids, capped, caveat } = await scopes(adapter, query.experiment, options);
  const noted = caveat ? { caveat } : {};
  if (ids.length === 0) return { runs: [], scopes: 0, capped, ...noted };
  const runs = await tracking.queryRuns(ids, toRunQuery(query, since, before), limit, options);
  return { runs, scopes: ids.length, capped, ...noted };
}

/** Orders merged runs: by the query's metric (missing or non-finite last), else newest first. */
export function rankRuns(runs: Run[], query: RunQueryInput): Run[] {
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
