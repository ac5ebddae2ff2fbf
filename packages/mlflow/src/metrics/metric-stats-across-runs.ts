import type { Run } from '@mlops-mcp/core';
import { z } from 'zod';

/** How one metric's latest values spread over a set of runs. */
export const MetricSpreadSchema = z.object({
  runs: z.number().describe('Runs with a finite value of this metric.'),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
});
export type MetricSpread = z.infer<typeof MetricSpreadSchema>;

/** A run's latest value of `key` when it is a finite number (NaN/Infinity arrive as strings). */
export function finiteMetric(run: Pick<Run, 'metrics'>, key: string): number | undefined {
  const value = run.metrics?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Per-metric min/max/mean of the runs' latest values, most widely logged metrics first. */
export function metricSpreads(runs: readonly Pick<Run, 'metrics'>[]): Map<string, MetricSpread> {
  const acc = new Map<string, { runs: number; min: number; max: number; sum: number }>();
  for (const run of runs) {
    for (const key of Object.keys(run.metrics ?? {})) {
      const value = finiteMetric(run, key);
      if (value === undefined) continue;
      const entry = acc.get(key);
      if (!entry) acc.set(key, { runs: 1, min: value, max: value, sum: value });
      else {
        entry.runs++;
        entry.min = Math.min(entry.min, value);
        entry.max = Math.max(entry.max, value);
        entry.sum += value;
      }
    }
  }
  const sorted = [...acc.entries()].sort(
    (a, b) => b[1].runs - a[1].runs || a[0].localeCompare(b[0]),
  );
  return new Map(
    sorted.map(([key, { runs: count, min, max, sum }]) => [
      key,
      { runs: count, min, max, mean: sum / count },
    ]),
  );
}
