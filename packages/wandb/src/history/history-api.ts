import type { CallOptions } from '@mlops-mcp/core';
import { RunEventsDocument } from '../graphql/documents/run-events.js';
import { RunSampledHistoryDocument } from '../graphql/documents/run-sampled-history.js';
import { runRef } from '../runs/map-run.js';
import type { RunPath } from '../runs/run-path.js';
import type { WandbContext } from '../shared/context.js';
import { projectNotFound, runNotFound } from '../shared/not-found.js';
import { toMetricSeries } from './map-metric-series.js';
import { toSystemSeries } from './map-system-metrics.js';
import type { SystemMetrics } from './system-metrics.js';
import type { WandbMetricSeries } from './wandb-metric-series.js';

/** Parameters of a metric-history read. */
export interface MetricHistoryParams {
  run: RunPath;
  keys: readonly string[];
  /** Rows W&B samples per key (server side). */
  samples: number;
  /** Points kept per series after our own downsampling. */
  maxPoints: number;
  includeTimestamps?: boolean | undefined;
}

/**
 * The history of several keys of one run, one sampled-history spec per key so each key gets
 * every row it was logged in (one spec with all keys would keep only rows holding all of them).
 */
export async function getMetricHistories(
  ctx: WandbContext,
  params: MetricHistoryParams,
  options?: CallOptions,
): Promise<{ series: WandbMetricSeries[]; historyLineCount?: number | undefined }> {
  const { entity, project, runId } = params.run;
  const specs = params.keys.map((key) =>
    JSON.stringify({ keys: ['_step', key, '_timestamp'], samples: params.samples }),
  );
  const data = await ctx.graphql.execute(
    RunSampledHistoryDocument,
    { entity, project, run: runId, specs },
    options,
  );
  if (!data.project) throw projectNotFound(entity, project);
  if (!data.project.run) throw runNotFound(entity, project, runId);
  const ref = runRef(entity, project, runId, ctx.appUrl);
  const lists = data.project.run.sampledHistory ?? [];
  const series = params.keys.map((key, i) =>
    toMetricSeries(lists[i] ?? [], {
      run: ref,
      key,
      maxPoints: params.maxPoints,
      samples: params.samples,
      includeTimestamps: params.includeTimestamps ?? false,
    }),
  );
  return { series, historyLineCount: data.project.run.historyLineCount ?? undefined };
}

/** A run's system metrics (the "events" stream) as series, optionally only keys matching `match`. */
export async function getSystemMetrics(
  ctx: WandbContext,
  params: {
    run: RunPath;
    samples: number;
    maxPoints: number;
    match?: readonly string[] | undefined;
  },
  options?: CallOptions,
): Promise<SystemMetrics> {
  const { entity, project, runId } = params.run;
  const data = await ctx.graphql.execute(
    RunEventsDocument,
    { entity, project, run: runId, samples: params.samples },
    options,
  );
  if (!data.project) throw projectNotFound(entity, project);
  const run = data.project.run;
  if (!run) throw runNotFound(entity, project, runId);
  const lines = run.events ?? [];
  const result: SystemMetrics = {
    run: runRef(entity, project, runId, ctx.appUrl),
    samples: lines.length,
    series: toSystemSeries(lines, { match: params.match, maxPoints: params.maxPoints }),
  };
  if (typeof run.eventsLineCount === 'number') result.totalSamples = run.eventsLineCount;
  return result;
}
