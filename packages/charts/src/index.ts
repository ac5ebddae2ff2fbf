export { FONT_FAMILY, FONT_FILE } from './bundled-font.js';
export { metricChartToSvg, renderMetricChart } from './metric-chart.js';
export {
  type MetricChartInput,
  MetricChartInputSchema,
  type MetricChartSeries,
  MetricChartSeriesSchema,
} from './metric-chart-input.js';
export { metricChartInputFromSeries, type SeriesChartOptions } from './metric-series-to-chart.js';
export { renderTraceTimeline, traceTimelineToSvg } from './trace-timeline.js';
export {
  type TimelineSpan,
  TimelineSpanSchema,
  type TraceTimelineInput,
  TraceTimelineInputSchema,
} from './trace-timeline-input.js';
export { type TraceChartOptions, traceTimelineInputFromTrace } from './trace-to-timeline.js';
