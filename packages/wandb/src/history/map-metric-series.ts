import { type EntityRef, seriesStats, shrinkSeries } from '@mlops-mcp/core';
import { toNumber } from '../graphql/json-string.js';
import type { WandbMetricSeries } from './wandb-metric-series.js';

/**
 * Turns W&B sampled-history rows of one key into a columnar series: ordered by `_step`,
 * non-finite points counted and left out, stats over every finite point returned, then
 * downsampled to `maxPoints` keeping extremes and the last point.
 */
export function toMetricSeries(
  rows: readonly Record<string, unknown>[],
  shape: {
    run: EntityRef;
    key: string;
    maxPoints: number;
    samples: number;
    includeTimestamps: boolean;
  },
): WandbMetricSeries {
  const points = rows
    .map((row) => ({
      step: toNumber(row._step),
      value: toNumber(row[shape.key]),
      time: toNumber(row._timestamp),
    }))
    .filter((point) => point.step !== undefined && point.value !== undefined)
    .sort((a, b) => a.step! - b.step!);
  const steps: number[] = [];
  const values: number[] = [];
  const timestamps: number[] = [];
  let nonFinite: WandbMetricSeries['nonFinite'];
  for (const point of points) {
    if (!Number.isFinite(point.value!)) {
      nonFinite = nonFinite
        ? { ...nonFinite, count: nonFinite.count + 1 }
        : { count: 1, firstStep: point.step! };
      continue;
    }
    steps.push(point.step!);
    values.push(point.value!);
    // W&B's `_timestamp` is Unix seconds; the neutral series wants milliseconds.
    timestamps.push(Math.round((point.time ?? 0) * 1000));
  }
  const series: WandbMetricSeries = {
    run: shape.run,
    key: shape.key,
    steps,
    values,
    totalPoints: points.length,
    downsampled: false,
    serverSampled: rows.length >= shape.samples,
  };
  if (shape.includeTimestamps) series.timestamps = timestamps;
  if (values.length > 0) series.stats = seriesStats(values);
  const shown = shrinkSeries(series, shape.maxPoints);
  if (nonFinite) shown.nonFinite = nonFinite;
  return shown;
}
