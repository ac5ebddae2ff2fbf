/**
 * Reduces a series to at most `maxPoints` (≥ 4) points, keeping the first and last points and,
 * in each bucket between them, the minimum and the maximum: the shape of a loss curve and its
 * extremes survive, which a plain stride would lose. Returns the indexes kept, ascending.
 */
export function downsampleIndexes(values: readonly number[], maxPoints: number): number[] {
  const n = values.length;
  const budget = Math.max(4, Math.floor(maxPoints));
  if (n <= budget) return values.map((_v, i) => i);
  const inner = budget - 2;
  const buckets = Math.floor(inner / 2);
  const kept = new Set<number>([0, n - 1]);
  const span = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor(b * span);
    const end = Math.min(n - 1, 1 + Math.floor((b + 1) * span));
    let minI = start;
    let maxI = start;
    for (let i = start; i < end; i++) {
      if (values[i]! < values[minI]!) minI = i;
      if (values[i]! > values[maxI]!) maxI = i;
    }
    kept.add(minI);
    kept.add(maxI);
  }
  return [...kept].sort((a, b) => a - b);
}

/** min, max, first, last and mean of a non-empty list of finite numbers. */
export function seriesStats(values: readonly number[]): {
  min: number;
  max: number;
  first: number;
  last: number;
  mean: number;
} {
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

/** A metric series whose steps, values and (optional) timestamps are thinned together. */
export interface DownsampledSeries {
  steps: number[];
  values: number[];
  timestamps?: number[] | undefined;
  downsampled: boolean;
}

/**
 * The series with at most `maxPoints` points (downsampleIndexes), marked `downsampled`;
 * unchanged when it is short enough. Other fields (stats of all points, counts) are kept.
 */
export function shrinkSeries<S extends DownsampledSeries>(series: S, maxPoints: number): S {
  if (series.values.length <= maxPoints) return series;
  const kept = downsampleIndexes(series.values, maxPoints);
  const shrunk: S = {
    ...series,
    steps: kept.map((i) => series.steps[i]!),
    values: kept.map((i) => series.values[i]!),
    downsampled: true,
  };
  const timestamps = series.timestamps;
  if (timestamps) shrunk.timestamps = kept.map((i) => timestamps[i]!);
  return shrunk;
}
