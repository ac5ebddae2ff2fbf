import {
  type CallOptions,
  encodeCursor,
  estimateTokens,
  type Page,
  toCompactJson,
} from '@mlops-mcp/core';
import type { CallItem } from './call-item.js';
import { type MapCallOptions, mapCall } from './map-call.js';
import type {
  CallsFilter,
  CallsQueryReq,
  WeaveQuery,
  WeaveSortBy,
  WireCall,
} from './weave-api-types.js';
import type { WeaveClient } from './weave-context.js';
import { opRefPattern, requireCallId, type WeaveProject } from './weave-ids.js';
import { cursorSkip } from './weave-page.js';
import {
  andAll,
  type CallStatusFilter,
  startedWithin,
  statusCondition,
  validateWeaveQuery,
} from './weave-query.js';

/** Which calls to find: the server's structured filters plus status, time window and `$expr`. */
export interface CallFilters {
  project: WeaveProject;
  /** Op names (`agent`) or op refs (`weave:///e/p/op/agent:*`). */
  opNames?: readonly string[] | undefined;
  traceIds?: readonly string[] | undefined;
  parentIds?: readonly string[] | undefined;
  callIds?: readonly string[] | undefined;
  /** Only trace roots (calls without a parent). */
  rootsOnly?: boolean | undefined;
  status?: CallStatusFilter | undefined;
  startedAfter?: Date | undefined;
  startedBefore?: Date | undefined;
  /** A caller's Weave query, `{"$expr": ...}`; validated before it is sent. */
  query?: unknown;
}

/** Columns every search reads: enough for status, latency, usage and cost. */
const BASE_COLUMNS = [
  'id',
  'trace_id',
  'parent_id',
  'op_name',
  'display_name',
  'started_at',
  'ended_at',
  'exception',
  'summary',
];

/** The `filter` and `query` parts of a calls request for these filters. */
export function callsFilterParts(filters: CallFilters): {
  filter?: CallsFilter;
  query?: WeaveQuery;
} {
  const filter: CallsFilter = {};
  if (filters.opNames?.length) {
    filter.op_names = filters.opNames.map((op) => opRefPattern(filters.project, op));
  }
  if (filters.traceIds?.length) {
    filter.trace_ids = filters.traceIds.map((id) => requireCallId(id, 'traceIds'));
  }
  if (filters.parentIds?.length) {
    filter.parent_ids = filters.parentIds.map((id) => requireCallId(id, 'parentIds'));
  }
  if (filters.callIds?.length) {
    filter.call_ids = filters.callIds.map((id) => requireCallId(id, 'callIds'));
  }
  if (filters.rootsOnly) filter.trace_roots_only = true;

  const parts: Record<string, unknown>[] = [];
  if (filters.query !== undefined) parts.push(validateWeaveQuery(filters.query).$expr);
  if (filters.status) parts.push(statusCondition(filters.status));
  parts.push(...startedWithin(filters.startedAfter, filters.startedBefore));
  const expr = andAll(parts);

  const out: { filter?: CallsFilter; query?: WeaveQuery } = {};
  if (Object.keys(filter).length > 0) out.filter = filter;
  if (expr) out.query = { $expr: expr };
  return out;
}

/** A calls request (without paging) that reads only the columns needed. */
export function callsQuery(
  filters: CallFilters,
  options: { sortBy?: WeaveSortBy[] | undefined; include?: MapCallOptions['include'] } = {},
): CallsQueryReq {
  return {
    project_id: filters.project.id,
    ...callsFilterParts(filters),
    sort_by: options.sortBy?.length ? options.sortBy : [{ field: 'started_at', direction: 'desc' }],
    // Only ask for payloads when they will be shown: inputs and outputs dominate the bytes.
    columns: [...BASE_COLUMNS, ...(options.include ?? [])],
    include_costs: true,
  };
}

/** One page of calls, read as a stream that stops once the page or the token budget is full. */
export interface SearchCallsParams extends CallFilters {
  sortBy?: WeaveSortBy[] | undefined;
  limit: number;
  cursor?: string | undefined;
  map?: MapCallOptions;
}

// Tokens reserved for the page envelope (nextCursor, truncated, tool-specific fields).
const ENVELOPE_TOKENS = 200;

/**
 * Searches calls page by page (offset cursors). Rows are mapped as they arrive; when the next one
 * would overflow `maxResponseTokens` the stream is abandoned mid-body and the page says
 * `truncated` with a cursor resuming at that row. One extra row is asked for to learn whether
 * another page exists.
 */
export async function searchCalls<T = CallItem>(
  client: WeaveClient,
  params: SearchCallsParams,
  options: CallOptions & {
    maxResponseTokens: number;
    /** Turns a mapped call into the page item (default: the call item itself). */
    shape?: (item: CallItem, call: WireCall) => T;
  },
): Promise<Page<T>> {
  const offset = cursorSkip(params.cursor);
  const items: T[] = [];
  let used = ENVELOPE_TOKENS;
  let more = false;
  let cut = false;
  const shape = options.shape ?? ((item: CallItem) => item as T);
  await client.streamCalls(
    {
      ...callsQuery(params, { sortBy: params.sortBy, include: params.map?.include }),
      limit: params.limit + 1,
      offset,
    },
    {
      signal: options.signal,
      maxRows: params.limit + 1,
      accept: (call) => {
        if (items.length === params.limit) {
          more = true;
          return false;
        }
        const item = shape(mapCall(call, params.project, params.map), call);
        const cost = estimateTokens(toCompactJson(item)) + 1;
        if (items.length > 0 && used + cost > options.maxResponseTokens) {
          cut = true;
          return false;
        }
        used += cost;
        items.push(item);
        return true;
      },
    },
  );
  const page: Page<T> = { items };
  if (more || cut) page.nextCursor = encodeCursor({ skip: offset + items.length });
  if (cut) page.truncated = true;
  page.resumeAt = (index) => encodeCursor({ skip: offset + index });
  return page;
}
