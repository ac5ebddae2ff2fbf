import { downsampleIndexes, seriesStats } from '@mlops-mcp/core';
import { parseJsonObject, toNumber } from '../graphql/json-string.js';
import type { SystemMetricSeries } from './system-metrics.js';

/**
 * Turns W&B's system-metrics lines (one JSON object per sample: `system.gpu.0.gpu`,
 * `system.cpu`, `system.memory`...) into one series per key, ordered by `_runtime`, keeping only
 * keys that contain one of `match` (case-insensitive) when given.
 */
export function toSystemSeries(
  lines: readonly string[],
  options: { match?: readonly string[] | undefined; maxPoints: number },
): SystemMetricSeries[] {
  const rows = lines.map((line) => parseJsonObject(line));
  rows.sort((a, b) => (toNumber(a._runtime) ?? 0) - (toNumber(b._runtime) ?? 0));
  const keys = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!key.startsWith('_')) keys.add(key);
  }
  const wanted = options.match?.map((m) => m.toLowerCase());
  const series: SystemMetricSeries[] = [];
  for (const key of [...keys].sort()) {
    if (wanted?.length && !wanted.some((m) => key.toLowerCase().includes(m))) continue;
    const runtime: number[] = [];
    const values: number[] = [];
    for (const row of rows) {
      const value = toNumber(row[key]);
      if (value === undefined || !Number.isFinite(value)) continue;
      runtime.push(toNumber(row._runtime) ?? 0);
      values.push(value);
    }
    if (values.length === 0) continue;
    const { min, max, mean, last } = seriesStats(values);
    const kept =
      values.length > options.maxPoints ? downsampleIndexes(values, options.maxPoints) : undefined;
    series.push({
      key,
      runtimeSeconds: kept ? kept.map((i) => runtime[i]!) : runtime,
      values: kept ? kept.map((i) => values[i]!) : values,
      stats: { min, max, mean, last },
      downsampled: kept !== undefined,
    });
  }
  return series;
}
