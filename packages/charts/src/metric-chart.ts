import { type MetricChartInput, MetricChartInputSchema } from './metric-chart-input.js';
import { layoutMetricChart } from './metric-chart-layout.js';
import { metricChartSvg } from './metric-chart-svg.js';
import { svgToPng } from './rasterise.js';

/** The SVG of a metric chart (what `renderMetricChart` rasterises). Throws ZodError on bad input. */
export function metricChartToSvg(input: MetricChartInput): string {
  return metricChartSvg(layoutMetricChart(MetricChartInputSchema.parse(input)));
}

/**
 * Renders one or several runs' curves of a metric as a PNG: shared axes with ticks, a legend
 * with each run's last/min/max, and those three points marked on the curves. Throws ZodError
 * on bad input (e.g. steps and values of different lengths).
 */
export function renderMetricChart(input: MetricChartInput): Buffer {
  return svgToPng(metricChartToSvg(input));
}
