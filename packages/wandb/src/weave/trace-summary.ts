import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import { TokenUsageSchema } from './call-item.js';
import { type CallFilters, callsFilterParts, callsQuery } from './call-search.js';
import { mapCall } from './map-call.js';
import type { WeaveClient } from './weave-context.js';

/** Aggregates over a bounded, most-recent-first sample of calls, and the exact total. */
export const TraceSummarySchema = z.object({
  project: z.string(),
  total: z.number().describe('Exact number of matching calls (server count).'),
  sample: z.object({
    size: z.number().describe('Calls the aggregates below were computed from (most recent first).'),
    complete: z.boolean().describe('True when the sample is every matching call.'),
    oldest: z.string().optional().describe('Start of the oldest sampled call, ISO 8601.'),
    newest: z.string().optional().describe('Start of the newest sampled call, ISO 8601.'),
  }),
  byStatus: z.object({ ok: z.number(), error: z.number(), running: z.number() }),
  byOp: z
    .array(
      z.object({
        op: z.string(),
        count: z.number(),
        errors: z.number(),
        p50LatencyMs: z.number().optional(),
      }),
    )
    .describe('Most frequent ops first.'),
  latencyMs: z
    .object({
      p50: z.number(),
      p90: z.number(),
      p99: z.number(),
      max: z.number(),
      mean: z.number(),
    })
    .optional()
    .describe('Over finished calls of the sample.'),
  topErrors: z
    .array(z.object({ message: z.string(), count: z.number(), exampleCallId: z.string() }))
    .describe('Most frequent error messages first.'),
  tokens: TokenUsageSchema.optional(),
  costUsd: z.number().optional().describe('Summed where the server had prices for the models.'),
  models: z.array(z.string()).optional(),
});
export type TraceSummary = z.infer<typeof TraceSummarySchema>;

const TOP_OPS = 20;
const TOP_ERRORS = 10;
const ERROR_KEY_CHARS = 200;

/** Nearest-rank percentile of ascending `sorted` (non-empty). */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/**
 * Summarises the calls matching `filters`: the exact count from calls/query_stats, and from a
 * stream of at most `sampleSize` of the most recent ones (payload columns never read) counts by
 * op and status, latency percentiles, the commonest errors and token/cost totals.
 */
export async function summarizeCalls(
  client: WeaveClient,
  filters: CallFilters,
  sampleSize: number,
  options: CallOptions = {},
): Promise<TraceSummary> {
  const counting = client.callStats(
    { project_id: filters.project.id, ...callsFilterParts(filters) },
    options,
  );
  const byStatus = { ok: 0, error: 0, running: 0 };
  const ops = new Map<string, { count: number; errors: number; latencies: number[] }>();
  const errors = new Map<string, { count: number; exampleCallId: string }>();
  const latencies: number[] = [];
  const tokens = { input: 0, output: 0, total: 0 };
  let sawTokens = false;
  let cost = 0;
  let sawCost = false;
  const models = new Set<string>();
  let size = 0;
  let oldest: string | undefined;
  let newest: string | undefined;

  const stream = client.streamCalls(
    { ...callsQuery(filters), limit: sampleSize },
    {
      signal: options.signal,
      maxRows: sampleSize,
      accept: (call) => {
        const item = mapCall(call, filters.project);
        size++;
        byStatus[item.status === 'unknown' ? 'running' : item.status]++;
        const op = ops.get(item.op) ?? { count: 0, errors: 0, latencies: [] };
        op.count++;
        if (item.status === 'error') op.errors++;
        if (item.latencyMs !== undefined && item.endedAt) {
          op.latencies.push(item.latencyMs);
          latencies.push(item.latencyMs);
        }
        ops.set(item.op, op);
        if (item.error) {
          const key = item.error.split('\n', 1)[0]?.slice(0, ERROR_KEY_CHARS) ?? item.error;
          const seen = errors.get(key) ?? { count: 0, exampleCallId: item.id };
          seen.count++;
          errors.set(key, seen);
        }
        if (item.tokens) {
          sawTokens = true;
          tokens.input += item.tokens.input;
          tokens.output += item.tokens.output;
          tokens.total += item.tokens.total;
        }
        if (item.costUsd !== undefined) {
          sawCost = true;
          cost += item.costUsd;
        }
        for (const model of item.models ?? []) models.add(model);
        if (item.startedAt) {
          // Sorted newest first: the first call is the newest, the last the oldest.
          newest ??= item.startedAt;
          oldest = item.startedAt;
        }
        return true;
      },
    },
  );
  const [stats] = await Promise.all([counting, stream]);

  const summary: TraceSummary = {
    project: filters.project.id,
    total: stats.count,
    sample: { size, complete: size >= stats.count && !stats.has_more },
    byStatus,
    byOp: [...ops.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, TOP_OPS)
      .map(([op, value]) => {
        const entry: TraceSummary['byOp'][number] = {
          op,
          count: value.count,
          errors: value.errors,
        };
        if (value.latencies.length > 0) {
          entry.p50LatencyMs = percentile(
            value.latencies.sort((a, b) => a - b),
            50,
          );
        }
        return entry;
      }),
    topErrors: [...errors.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, TOP_ERRORS)
      .map(([message, value]) => ({ message, ...value })),
  };
  if (oldest) summary.sample.oldest = oldest;
  if (newest) summary.sample.newest = newest;
  if (latencies.length > 0) {
    const sorted = latencies.sort((a, b) => a - b);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    summary.latencyMs = {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      mean: Math.round(mean),
    };
  }
  if (sawTokens) summary.tokens = tokens;
  if (sawCost) summary.costUsd = Number(cost.toPrecision(6));
  if (models.size > 0) summary.models = [...models];
  return summary;
}
