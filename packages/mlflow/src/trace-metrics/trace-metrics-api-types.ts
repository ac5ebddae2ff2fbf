import { z } from 'zod';

/**
 * zod schema of MLflow's QueryTraceMetrics response (service.proto `MetricDataPoint`): each point
 * has the group's dimension values (strings; a `time_bucket` ISO time when bucketed) and one
 * value per aggregation, keyed "COUNT", "AVG", "P95.0"... Aggregations that came out NULL are
 * omitted (sql_trace_metrics_utils.py convert_results_to_metric_data_points).
 */
export const MetricDataPointSchema = z.object({
  metric_name: z.string().optional(),
  dimensions: z.record(z.string(), z.string()).optional().default({}),
  values: z.record(z.string(), z.number()).optional().default({}),
});
export type MetricDataPoint = z.infer<typeof MetricDataPointSchema>;

export const QueryTraceMetricsResponseSchema = z.object({
  data_points: z.array(MetricDataPointSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
