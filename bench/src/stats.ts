/** The value at quantile `q` (0..1) of ascending `sorted` values, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Ascending copy of `values`. */
export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Smallest, median and largest of a set of numbers (e.g. one ratio per round). */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** The spread of `values`; the median of an even count is the mean of the middle two. */
export function spread(values: readonly number[]): Spread {
  const sorted = ascending(values);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0] ?? Number.NaN, median, max: sorted.at(-1) ?? Number.NaN };
}

/** p50 and p99 of latency samples in milliseconds. */
export function latencyPercentiles(samples: readonly number[]): { p50: number; p99: number } {
  const sorted = ascending(samples);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}
