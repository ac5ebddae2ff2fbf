import { type CallOptions, type MetricHistoryParams, NotFoundError } from '@mlops-mcp/core';
import { getRun } from '../runs/runs-api.js';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { toMetricSeries } from './map-metric-series.js';
import type { MlflowMetricSeries } from './metric-series-schema.js';
import {
  GetMetricHistoryBulkIntervalResponseSchema,
  GetMetricHistoryResponseSchema,
  type MlflowMetricPoint,
} from './metrics-api-types.js';

/**
 * get-history page size. It is always sent: MLflow 3.4–3.13 answered requests without
 * `max_results` with no points (an unset proto2 int read as 0), fixed in 3.17 with HasField.
 */
const HISTORY_PAGE_SIZE = 25_000;
/** Points read at most for one history (4 pages); longer ones are flagged `historyCapped`. */
export const HISTORY_READ_CAP = 100_000;
/** get-history-bulk-interval limits (handlers.py MAX_RESULTS_PER_RUN, MAX_RUNS_GET_METRIC_HISTORY_BULK). */
const BULK_MAX_POINTS_PER_RUN = 2_500;
const BULK_MAX_RUNS = 100;
/** Parallel full-history reads when the bulk endpoint had to sample. */
const HISTORY_CONCURRENCY = 4;

/** A run's complete history of one key (up to HISTORY_READ_CAP points), paging until done. */
export async function fetchMetricHistory(
  mlflow: MlflowContext,
  params: { runId: string; key: string },
  options?: CallOptions,
): Promise<{ points: MlflowMetricPoint[]; capped: boolean }> {
  const points: MlflowMetricPoint[] = [];
  let pageToken: string | undefined;
  do {
    const response = await mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/metrics/get-history`,
      query: {
        run_id: params.runId,
        metric_key: params.key,
        max_results: HISTORY_PAGE_SIZE,
        page_token: pageToken,
      },
      signal: options?.signal,
      schema: GetMetricHistoryResponseSchema,
      operation: 'get metric history',
    });
    points.push(...response.metrics);
    pageToken = response.next_page_token || undefined;
  } while (pageToken && points.length < HISTORY_READ_CAP);
  const capped = points.length > HISTORY_READ_CAP || pageToken !== undefined;
  return { points: points.slice(0, HISTORY_READ_CAP), capped };
}

/**
 * One metric's history as a columnar series, downsampled to `maxPoints` with stats over the full
 * series. Wire as `Tracking.getMetricHistory`. An unknown run or key is a NotFoundError (MLflow
 * itself answers both with an empty history).
 */
export async function getMetricHistory(
  mlflow: MlflowContext,
  params: MetricHistoryParams & { includeTimestamps?: boolean },
  options?: CallOptions,
): Promise<MlflowMetricSeries> {
  const { points, capped } = await fetchMetricHistory(mlflow, params, options);
  if (points.length === 0) await explainEmptyHistory(mlflow, params.runId, params.key, options);
  return toMetricSeries(points, {
    runId: params.runId,
    key: params.key,
    maxPoints: params.maxPoints,
    includeTimestamps: params.includeTimestamps ?? true,
    historyCapped: capped,
  });
}

export interface MetricHistoriesParams {
  runIds: readonly string[];
  keys: readonly string[];
  maxPoints: number;
  includeTimestamps?: boolean;
}

export interface MetricHistories {
  /** One series per (run, key) that has points, in runIds × keys order. */
  series: MlflowMetricSeries[];
  /** Pairs with no points: the run does not exist or never logged the key. */
  missing: { runId: string; key: string }[];
}

/**
 * Histories of several runs × keys with one bulk-interval request per key (per 100 runs). The
 * server samples a history longer than 2,500 points, so such runs are re-read whole to keep
 * stats exact; everything is then downsampled here to `maxPoints`.
 */
export async function getMetricHistories(
  mlflow: MlflowContext,
  params: MetricHistoriesParams,
  options?: CallOptions,
): Promise<MetricHistories> {
  const runIds = [...new Set(params.runIds)];
  const keys = [...new Set(params.keys)];
  const byKey = new Map<string, Map<string, MlflowMetricPoint[]>>();
  for (const key of keys) {
    const byRun = new Map<string, MlflowMetricPoint[]>();
    for (let i = 0; i < runIds.length; i += BULK_MAX_RUNS) {
      const response = await mlflow.http.request({
        method: 'GET',
        path: `${MLFLOW_API}/metrics/get-history-bulk-interval`,
        query: {
          run_ids: runIds.slice(i, i + BULK_MAX_RUNS),
          metric_key: key,
          max_results: BULK_MAX_POINTS_PER_RUN,
        },
        signal: options?.signal,
        schema: GetMetricHistoryBulkIntervalResponseSchema,
        operation: 'get metric histories',
      });
      for (const { run_id: runId, ...point } of response.metrics) {
        const list = byRun.get(runId) ?? [];
        list.push(point);
        byRun.set(runId, list);
      }
    }
    byKey.set(key, byRun);
  }

  const pairs = runIds.flatMap((runId) => keys.map((key) => ({ runId, key })));
  const missing: MetricHistories['missing'] = [];
  const results = await mapWithConcurrency(pairs, HISTORY_CONCURRENCY, async ({ runId, key }) => {
    let points = byKey.get(key)?.get(runId);
    if (!points?.length) {
      missing.push({ runId, key });
      return undefined;
    }
    let capped = false;
    if (points.length >= BULK_MAX_POINTS_PER_RUN) {
      ({ points, capped } = await fetchMetricHistory(mlflow, { runId, key }, options));
    }
    return toMetricSeries(points, {
      runId,
      key,
      maxPoints: params.maxPoints,
      includeTimestamps: params.includeTimestamps ?? true,
      historyCapped: capped,
    });
  });
  return {
    series: results.filter((series) => series !== undefined),
    missing: pairs.filter((pair) =>
      missing.some((m) => m.runId === pair.runId && m.key === pair.key),
    ),
  };
}

/** Throws the right error for an empty history: unknown run (from runs/get) or unknown key. */
async function explainEmptyHistory(
  mlflow: MlflowContext,
  runId: string,
  key: string,
  options?: CallOptions,
): Promise<void> {
  const run = await getRun(mlflow, runId, options);
  const known = Object.keys(run.metrics ?? {});
  if (known.includes(key)) return;
  throw new NotFoundError(`MLflow run ${runId} has no metric "${key}".`, {
    backend: 'mlflow',
    field: 'key',
    hint: known.length
      ? `Its metrics: ${known.slice(0, 50).join(', ')}.`
      : 'This run logged no metrics.',
  });
}
