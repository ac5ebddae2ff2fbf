import type { MetricDataPoint } from './trace-metrics-api-types.js';

/** Time buckets are reported as this dimension (sql_trace_metrics_utils.py TIME_BUCKET_LABEL). */
export const TIME_BUCKET = 'time_bucket';

/**
 * The key MLflow gives a percentile's value: `str(MetricAggregation)`, i.e. "P" plus the
 * percentile as a Python float ("P95.0", "P99.9").
 */
export function serverValueKey(aggregation: string): string {
  if (!aggregation.startsWith('P')) return aggregation;
  const percentile = Number(aggregation.slice(1));
  return `P${Number.isInteger(percentile) ? `${percentile}.0` : String(percentile)}`;
}

/**
 * Turns data points into columns: the dimension names (time bucket first), then one array per
 * aggregation under the caller's names ("P95", not MLflow's "P95.0").
 */
export function toColumns(
  points: readonly MetricDataPoint[],
  dimensions: readonly string[],
  aggregations: readonly string[],
): { dimensions: string[]; columns: Record<string, (string | number | null)[]> } {
  const names = new Set<string>();
  for (const point of points) for (const name of Object.keys(point.dimensions)) names.add(name);
  // Requested dimensions keep their order even when every point lacks one.
  const ordered = [
    ...(names.has(TIME_BUCKET) ? [TIME_BUCKET] : []),
    ...dimensions.filter((name) => name !== TIME_BUCKET),
    ...[...names].filter((name) => name !== TIME_BUCKET && !dimensions.includes(name)),
  ];
  const columns: Record<string, (string | number | null)[]> = {};
  for (const name of ordered) columns[name] = points.map((point) => point.dimensions[name] ?? null);
  for (const aggregation of aggregations) {
    const key = serverValueKey(aggregation);
    columns[aggregation] = points.map((point) => point.values[key] ?? null);
  }
  return { dimensions: ordered, columns };
}
