import { type CallOptions, InvalidInputError, MlopsError } from '@mlops-mcp/core';
import { MLFLOW_API_V3, type MlflowContext } from '../shared/context.js';
import { requireTraceApi } from '../traces/traces-api.js';
import {
  type MetricDataPoint,
  QueryTraceMetricsResponseSchema,
} from './trace-metrics-api-types.js';
import type { TraceMetricName, TraceMetricView } from './trace-metrics-model.js';

/**
 * MLflow 3.x trace metrics (`POST /api/3.0/mlflow/traces/metrics`, handler
 * `_query_trace_metrics`): counts, latency, tokens, costs and assessment values aggregated in
 * SQL over traces, spans or assessments, grouped by dimensions and optionally by time bucket.
 */

/** MAX_RESULTS_QUERY_TRACE_METRICS in mlflow/store/tracking/__init__.py. */
export const MLFLOW_MAX_TRACE_METRIC_POINTS = 1000;

const QUERY_HINT =
  'Metrics per view: TRACES trace_count (dims trace_name, trace_status), session_count, latency, ' +
  '*_tokens (dim trace_name); SPANS span_count (dims span_name, span_type, span_status, ' +
  'span_model_name, span_model_provider), latency (span_name, span_status), *_cost; ASSESSMENTS ' +
  'assessment_count (assessment_name, assessment_value), assessment_value (assessment_name). ' +
  'Count metrics take COUNT only, latency no SUM. Filters: trace.status = "ERROR", ' +
  'trace.tag.env = "prod", trace.metadata.<key> = "x", span.name = "retrieve", span.type = "LLM", ' +
  'assessment.name = "correctness".';

export interface QueryTraceMetricsParams {
  experimentIds: string[];
  view: TraceMetricView;
  metric: TraceMetricName;
  /** "COUNT", "AVG", "P95"... */
  aggregations: string[];
  dimensions?: string[] | undefined;
  filters?: string[] | undefined;
  intervalSeconds?: number | undefined;
  startMs?: number | undefined;
  endMs?: number | undefined;
  maxResults: number;
}

/** "P95" → `{ aggregation_type: 'PERCENTILE', percentile_value: 95 }`. */
function aggregationToProto(aggregation: string) {
  return aggregation.startsWith('P')
    ? { aggregation_type: 'PERCENTILE', percentile_value: Number(aggregation.slice(1)) }
    : { aggregation_type: aggregation };
}

/**
 * Runs one metrics query. MLflow 3.17–3.18 do not page these results (they ignore page_token and
 * never send next_page_token; sqlalchemy_store.query_trace_metrics "TODO: Implement
 * pagination"): at most `maxResults` points come back, so callers ask for one more than they
 * show to learn whether groups were cut.
 */
export async function queryTraceMetrics(
  mlflow: MlflowContext,
  params: QueryTraceMetricsParams,
  options: CallOptions = {},
): Promise<MetricDataPoint[]> {
  await requireTraceApi(mlflow, options);
  try {
    const response = await mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API_V3}/traces/metrics`,
      body: {
        experiment_ids: params.experimentIds,
        view_type: params.view,
        metric_name: params.metric,
        aggregations: params.aggregations.map(aggregationToProto),
        dimensions: params.dimensions?.length ? params.dimensions : undefined,
        filters: params.filters?.length ? params.filters : undefined,
        time_interval_seconds: params.intervalSeconds,
        start_time_ms: params.startMs,
        end_time_ms: params.endMs,
        max_results: params.maxResults,
      },
      idempotent: true,
      signal: options.signal,
      schema: QueryTraceMetricsResponseSchema,
      operation: 'query trace metrics',
    });
    return response.data_points;
  } catch (error) {
    if (MlopsError.isInstance(error) && error.kind === 'invalid_input') {
      throw new InvalidInputError(error.message, {
        backend: error.backend,
        status: error.status,
        cause: error,
        hint: QUERY_HINT,
      });
    }
    throw error;
  }
}
