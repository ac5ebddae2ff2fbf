import { type CallOptions, estimateTokens, NotFoundError, toCompactJson } from '@mlops-mcp/core';
import type { CallItem } from './call-item.js';
import { callsQuery } from './call-search.js';
import { type MapCallOptions, mapCall } from './map-call.js';
import {
  spanFromCall,
  traceFromRoot,
  treeOrder,
  type WeaveSpan,
  type WeaveTrace,
} from './map-trace.js';
import type { WeaveClient } from './weave-context.js';
import type { WeaveProject } from './weave-ids.js';

/** A whole trace: the root as a trace, every call as a span (depth-first), errors up front. */
export interface TraceTree {
  trace: WeaveTrace;
  spans: WeaveSpan[];
  /** Every failed call of the trace, so a model sees where it broke without walking the tree. */
  errors: { callId: string; op: string; error: string }[];
  /** True when calls were left out (span limit or response budget). */
  truncated?: boolean;
}

export interface TraceTreeOptions extends CallOptions {
  maxSpans: number;
  map?: MapCallOptions;
  /** Stop reading once the spans would exceed this many tokens. */
  maxResponseTokens?: number;
}

/** Fetches every call of a trace (up to `maxSpans`) in one stream and builds its tree. */
export async function fetchTraceTree(
  client: WeaveClient,
  project: WeaveProject,
  traceId: string,
  options: TraceTreeOptions,
): Promise<TraceTree> {
  const items: CallItem[] = [];
  let root: { item: CallItem; counts: Record<string, number> | null | undefined } | undefined;
  let used = 0;
  let truncated = false;
  await client.streamCalls(
    {
      ...callsQuery(
        { project, traceIds: [traceId] },
        { sortBy: [{ field: 'started_at', direction: 'asc' }], include: options.map?.include },
      ),
      limit: options.maxSpans + 1,
    },
    {
      signal: options.signal,
      maxRows: options.maxSpans + 1,
      accept: (call) => {
        if (items.length === options.maxSpans) {
          truncated = true;
          return false;
        }
        const item = mapCall(call, project, options.map);
        if (options.maxResponseTokens !== undefined) {
          const cost = estimateTokens(toCompactJson(item)) + 1;
          if (items.length > 0 && used + cost > options.maxResponseTokens) {
            truncated = true;
            return false;
          }
          used += cost;
        }
        if (!call.parent_id && !root) root = { item, counts: call.summary?.status_counts };
        items.push(item);
        return true;
      },
    },
  );
  const first = items[0];
  if (!first) {
    throw new NotFoundError(`No Weave trace ${traceId} in ${project.id}.`, {
      backend: 'wandb',
      hint: 'Trace ids come from wandb_search_traces (id) or the traceId of any call; check the project too.',
    });
  }
  // A root starts first, so it is only missing when the trace has none (partial ingestion).
  const top = root ?? { item: first, counts: undefined };
  const trace = traceFromRoot(top.item, project, top.counts);
  const spans = treeOrder(items).map(({ item, depth }) => spanFromCall(item, depth));
  const errors = items
    .filter((item) => item.error)
    .map((item) => ({ callId: item.id, op: item.op, error: item.error ?? '' }));
  const tree: TraceTree = { trace, spans, errors };
  if (truncated) tree.truncated = true;
  return tree;
}
