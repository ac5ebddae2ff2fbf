import type { MetricSeries } from '@mlops-mcp/core';
import type { MetricChartInput } from './metric-chart-input.js';

/** Presentation choices when charting core `MetricSeries`. */
export interface SeriesChartOptions {
  /** Default: the metric key(s). */
  title?: string | undefined;
  /** Legend text by run id (e.g. run names); default the run id. */
  runLabels?: Readonly<Record<string, string>> | undefined;
  xLabel?: string | undefined;
  yLabel?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
}

/**
 * Turns metric histories (e.g. from `Tracking.getMetricHistory` of several runs) into a chart
 * input: one series per history, labelled by run, and by key too when the keys differ.
 */
export function metricChartInputFromSeries(
  series: readonly MetricSeries[],
  options: SeriesChartOptions = {},
): MetricChartInput {
  const keys = [...new Set(series.map((s) => s.key))];
  const input: MetricChartInput = {
    title: options.title ?? keys.join(', '),
    series: series.map((s) => {
      const run = options.runLabels?.[s.run.id] ?? s.run.id;
      return {
        label: keys.length > 1 ? `${run} · ${s.key}` : run,
        steps: [...s.steps],
        values: [...s.values],
      };
    }),
  };
  const yLabel = options.yLabel ?? (keys.length === 1 ? keys[0] : undefined);
  if (yLabel !== undefined) input.yLabel = yLabel;
  if (options.xLabel !== undefined) input.xLabel = options.xLabel;
  if (options.width !== undefined) input.width = options.width;
  if (options.height !== undefined) input.height = options.height;
  return input;
}
