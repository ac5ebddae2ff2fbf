import { makeRef, SpanSchema, type Trace, TraceSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { type CallItem, TokenUsageSchema } from './call-item.js';
import type { WeaveProject } from './weave-ids.js';

/** A Weave trace: its root call, with what a model needs to triage it at a glance. */
export const WeaveTraceSchema = TraceSchema.extend({
  rootCallId: z.string().describe('Root call id; pass to wandb_get_call or wandb_add_feedback.'),
  endedAt: z.string().optional().describe('ISO 8601'),
  tokens: TokenUsageSchema.optional().describe('Whole trace, summed over models.'),
  costUsd: z.number().optional(),
  error: z.string().optional().describe('The root call exception, "Type: message".'),
  callCount: z.number().optional().describe('Finished calls in the trace (from status counts).'),
  errorCount: z.number().optional().describe('Failed calls in the trace, the root included.'),
});
export type WeaveTrace = z.infer<typeof WeaveTraceSchema>;

/** One call of a trace tree, in depth-first order. */
export const WeaveSpanSchema = SpanSchema.extend({
  depth: z.number().describe('0 for the root, 1 for its children, ...'),
  tokens: TokenUsageSchema.optional(),
  costUsd: z.number().optional(),
});
export type WeaveSpan = z.infer<typeof WeaveSpanSchema>;

/**
 * The trace a root call stands for. `statusCounts` is the root's `summary.status_counts`: the
 * SDK rolls them up from the children, so they cover the whole trace.
 */
export function traceFromRoot(
  item: CallItem,
  project: WeaveProject,
  statusCounts?: Record<string, number> | null,
): WeaveTrace {
  const trace: WeaveTrace = {
    ref: makeRef('wandb', 'trace', item.traceId, { scope: [project.entity, project.project] }),
    id: item.traceId,
    rootCallId: item.id,
    name: item.displayName ?? item.op,
    status: item.status,
    rawStatus: item.rawStatus,
  };
  if (item.startedAt) trace.startedAt = item.startedAt;
  if (item.endedAt) trace.endedAt = item.endedAt;
  if (item.latencyMs !== undefined) trace.durationMs = item.latencyMs;
  if (item.tokens) trace.tokens = item.tokens;
  if (item.costUsd !== undefined) trace.costUsd = item.costUsd;
  if (item.error) trace.error = item.error;
  if (statusCounts) {
    const errors = statusCounts.error ?? 0;
    trace.callCount = (statusCounts.success ?? 0) + errors;
    trace.errorCount = errors;
  }
  return trace;
}

/** A call as a span of its trace. */
export function spanFromCall(item: CallItem, depth: number): WeaveSpan {
  const span: WeaveSpan = {
    id: item.id,
    name: item.displayName ?? item.op,
    kind: item.op,
    status: item.status,
    rawStatus: item.rawStatus,
    depth,
  };
  if (item.parentId) span.parentId = item.parentId;
  if (item.startedAt) span.startedAt = item.startedAt;
  if (item.endedAt) span.endedAt = item.endedAt;
  if (item.latencyMs !== undefined) span.durationMs = item.latencyMs;
  if (item.error) span.error = item.error;
  if (item.inputs !== undefined) span.inputs = item.inputs;
  if (item.output !== undefined) span.outputs = item.output;
  if (item.tokens) span.tokens = item.tokens;
  if (item.costUsd !== undefined) span.costUsd = item.costUsd;
  return span;
}

/**
 * Orders a trace's calls depth-first (children by start time) and gives each its depth. Calls
 * whose parent is missing (cut by a span limit) are treated as roots so none is lost.
 */
export function treeOrder(items: readonly CallItem[]): { item: CallItem; depth: number }[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | undefined, CallItem[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : undefined;
    const list = children.get(parent) ?? [];
    list.push(item);
    children.set(parent, list);
  }
  const byStart = (a: CallItem, b: CallItem) =>
    (a.startedAt ?? '').localeCompare(b.startedAt ?? '');
  const out: { item: CallItem; depth: number }[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    for (const item of (children.get(parent) ?? []).sort(byStart)) {
      out.push({ item, depth });
      visit(item.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}

/** The neutral Trace (core model) of a Weave trace, spans included when given. */
export function neutralTrace(trace: WeaveTrace, spans?: readonly WeaveSpan[]): Trace {
  const neutral: Trace = {
    ref: trace.ref,
    id: trace.id,
    status: trace.status,
  };
  if (trace.name) neutral.name = trace.name;
  if (trace.rawStatus) neutral.rawStatus = trace.rawStatus;
  if (trace.startedAt) neutral.startedAt = trace.startedAt;
  if (trace.durationMs !== undefined) neutral.durationMs = trace.durationMs;
  if (spans) {
    neutral.spans = spans.map(({ depth: _depth, tokens, costUsd, ...span }) => {
      const attributes: Record<string, unknown> = {};
      if (tokens) attributes.tokens = tokens;
      if (costUsd !== undefined) attributes.costUsd = costUsd;
      return Object.keys(attributes).length ? { ...span, attributes } : span;
    });
  }
  return neutral;
}
