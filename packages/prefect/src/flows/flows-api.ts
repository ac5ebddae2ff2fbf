import type { CallOptions, Flow, Page } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { fetchFilterPage } from '../shared/filter-page.js';
import { compact, mergeFilters } from '../shared/merge-filters.js';
import { type PrefectFlow, PrefectFlowSchema } from '../shared/prefect-api-types.js';
import type { PrefectRunFilter } from '../shared/prefect-filters.js';
import { mapFlow } from './flow.js';

export interface ListFlowsQuery {
  /** Case-insensitive substring of the flow name. */
  nameLike?: string | undefined;
  tags?: string[] | undefined;
  sort?: 'NAME_ASC' | 'NAME_DESC' | 'CREATED_DESC' | 'UPDATED_DESC' | undefined;
  filter?: Omit<PrefectRunFilter, 'work_pool_queues'> | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** POST /flows/filter, offset-paged. */
export async function listFlows(
  ctx: PrefectContext,
  query: ListFlowsQuery,
  options?: CallOptions,
): Promise<Page<Flow>> {
  const simple = compact({
    flows: {
      name: query.nameLike ? { like_: query.nameLike } : undefined,
      tags: query.tags?.length ? { all_: query.tags } : undefined,
    },
  });
  const request = {
    path: 'flows/filter',
    filter: mergeFilters(simple ?? {}, query.filter),
    sort: query.sort ?? 'NAME_ASC',
    schema: PrefectFlowSchema,
    operation: 'list flows',
    map: (raw: PrefectFlow[]) => raw.map((flow) => mapFlow(flow, ctx.uiBase)),
  };
  return fetchFilterPage(ctx, request, query, options);
}

/** GET /flows/{id}. */
export async function getFlow(
  ctx: PrefectContext,
  id: string,
  options?: CallOptions,
): Promise<Flow> {
  const raw = await ctx.http.request({
    method: 'GET',
    path: `flows/${encodeURIComponent(id)}`,
    signal: options?.signal,
    schema: PrefectFlowSchema,
    operation: 'get flow',
  });
  return mapFlow(raw, ctx.uiBase);
}

/** Flow names by id, for deployments' "<flow>/<deployment>" names. */
export async function flowNames(
  ctx: PrefectContext,
  ids: readonly string[],
  options?: CallOptions,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const raw = await ctx.http.request({
    method: 'POST',
    path: 'flows/filter',
    body: { flows: { id: { any_: unique } }, limit: Math.min(unique.length, 200) },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(PrefectFlowSchema),
    operation: 'read flow names',
  });
  return new Map(raw.map((flow) => [flow.id, flow.name]));
}
