import { z } from 'zod';

/** What mlflow_query_trace_metrics can ask for (tracing/constant.py, sql_trace_metrics_utils.py). */

export const TraceMetricViewSchema = z.enum(['TRACES', 'SPANS', 'ASSESSMENTS']);
export type TraceMetricView = z.infer<typeof TraceMetricViewSchema>;

/** Metric names of all three views; the server checks that the name fits the view. */
export const TRACE_METRIC_NAMES = [
  'trace_count',
  'session_count',
  'latency',
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'cache_read_input_tokens',
  'cache_creation_input_tokens',
  'span_count',
  'input_cost',
  'output_cost',
  'total_cost',
  'assessment_count',
  'assessment_value',
] as const;
export const TraceMetricNameSchema = z.enum(TRACE_METRIC_NAMES);
export type TraceMetricName = z.infer<typeof TraceMetricNameSchema>;

/** "COUNT", "SUM", "AVG", "MIN", "MAX" or a percentile "P<0-100>" such as "P95" or "P99.9". */
export const TraceMetricAggregationSchema = z
  .string()
  .regex(
    /^(COUNT|SUM|AVG|MIN|MAX|P(100|\d{1,2}(\.\d{1,3})?))$/,
    'One of COUNT, SUM, AVG, MIN, MAX or a percentile such as P50, P95, P99.9.',
  );

/** The unit of a metric's values, so a model reads "latency 8.4" right. */
export function traceMetricUnit(metric: TraceMetricName): string {
  if (metric === 'latency') return 'ms';
  if (metric.endsWith('_cost')) return 'USD';
  if (metric.endsWith('_tokens')) return 'tokens';
  if (metric.endsWith('_count')) return 'count';
  return 'value';
}

/** Aggregations that fit a metric when the caller names none. */
export function defaultAggregations(metric: TraceMetricName): string[] {
  if (metric.endsWith('_count')) return ['COUNT'];
  if (metric === 'latency') return ['AVG', 'P50', 'P95', 'MAX'];
  if (metric === 'assessment_value') return ['AVG', 'MIN', 'MAX'];
  return ['SUM', 'AVG'];
}

/** Query results as columns: one array per dimension and per aggregation, one entry per group. */
export const TraceMetricsResultSchema = z.object({
  metric: z.string(),
  view: TraceMetricViewSchema,
  unit: z.string().describe('Unit of the aggregated values: ms, tokens, USD, count or value.'),
  experimentIds: z.array(z.string()),
  window: z
    .object({
      start: z.string().optional(),
      end: z.string().optional(),
      intervalSeconds: z.number().optional(),
    })
    .optional()
    .describe('The time range (and bucket size) the query covered, when one was applied.'),
  dimensions: z.array(z.string()).describe('Grouping columns; time_bucket (ISO start) first.'),
  aggregations: z.array(z.string()),
  points: z.number().describe('Number of groups (rows) in the columns.'),
  columns: z
    .record(z.string(), z.array(z.union([z.string(), z.number(), z.null()])))
    .describe('One array per dimension and aggregation, all `points` long; null = no value.'),
  truncated: z
    .boolean()
    .optional()
    .describe(
      'True when there were more groups than `limit` (MLflow cannot page these): use a ' +
        'coarser interval, fewer dimensions or a shorter window.',
    ),
});
export type TraceMetricsResult = z.infer<typeof TraceMetricsResultSchema>;
