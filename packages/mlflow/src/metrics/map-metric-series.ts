import { downsampleIndexes, makeRef } from '@mlops-mcp/core';
import type { MlflowMetricSeries } from './metric-series-schema.js';
import type { MlflowMetricPoint } from './metrics-api-types.js';

export interface SeriesShape {
  runId: string;
  key: string;
  /** Upper bound on points returned; longer series keep first, last and per-bucket extremes. */
  maxPoints: number;
  includeTimestamps: boolean;
  /** The history was cut at the read limit. */
  historyCapped?: boolean;
}

/**
 * Turns a run's full history of one key into a columnar series: sorted by step (then time),
 * stats over every finite point, then downsampled to `maxPoints`.
 */
export function toMetricSeries(
  points: readonly MlflowMetricPoint[],
  shape: SeriesShape,
): MlflowMetricSeries {
  const sorted = [...points].sort(
    (a, b) => (a.step ?? 0) - (b.step ?? 0) || (a.timestamp ?? 0) - (b.timestamp ?? 0),
  );
  const steps: number[] = [];
  const values: number[] = [];
  const timestamps: number[] = [];
  let nonFinite: MlflowMetricSeries['nonFinite'];
  for (const point of sorted) {
    const value = typeof point.value === 'number' ? point.value : Number.NaN;
    if (!Number.isFinite(value)) {
      nonFinite = nonFinite
        ? { ...nonFinite, count: nonFinite.count + 1 }
        : { count: 1, firstStep: point.step ?? 0 };
      continue;
    }
    steps.push(point.step ?? 0);
    values.push(value);
    timestamps.push(point.timestamp ?? 0);
  }
  const series: MlflowMetricSeries = {
    run: makeRef('mlflow', 'run', shape.runId),
    key: shape.key,
    steps,
    values,
    totalPoints: sorted.length,
    downsampled: false,
  };
  if (shape.includeTimestamps) series.timestamps = timestamps;
  if (values.length > 0) series.stats = statsOf(values);
  if (values.length > shape.maxPoints) {
    const kept = downsampleIndexes(values, shape.maxPoints);
    series.steps = kept.map((i) => steps[i]!);
    series.values = kept.map((i) => values[i]!);
    if (series.timestamps) series.timestamps = kept.map((i) => timestamps[i]!);
    series.downsampled = true;
  }
  if (nonFinite) series.nonFinite = nonFinite;
  if (shape.historyCapped) series.historyCapped = true;
  return series;
}

function statsOf(values: readonly number[]): NonNullable<MlflowMetricSeries['stats']> {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return { min, max, first: values[0]!, last: values.at(-1)!, mean: sum / values.length };
}

/** Downsamples an already-built series further (e.g. to fit a response budget); stats stay. */
export function shrinkSeries(series: MlflowMetricSeries, maxPoints: number): MlflowMetricSeries {
  if (series.values.length <= maxPoints) return series;
  const kept = downsampleIndexes(series.values, maxPoints);
  const shrunk: MlflowMetricSeries = {
    ...series,
    steps: kept.map((i) => series.steps[i]!),
    values: kept.map((i) => series.values[i]!),
    downsampled: true,
  };
  const timestamps = series.timestamps;
  if (timestamps) shrunk.timestamps = kept.map((i) => timestamps[i]!);
  return shrunk;
}
