import { makeRef, seriesStats, shrinkSeries } from '@mlops-mcp/core';
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
  if (values.length > 0) series.stats = seriesStats(values);
  const shown = shrinkSeries(series, shape.maxPoints);
  if (nonFinite) shown.nonFinite = nonFinite;
  if (shape.historyCapped) shown.historyCapped = true;
  return shown;
}
