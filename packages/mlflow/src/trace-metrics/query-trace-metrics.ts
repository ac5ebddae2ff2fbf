import { isoFromMillis } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { toColumns } from './map-trace-metrics.js';
import { MLFLOW_MAX_TRACE_METRIC_POINTS, queryTraceMetrics } from './trace-metrics-api.js';
import {
  defaultAggregations,
  TraceMetricAggregationSchema,
  TraceMetricNameSchema,
  type TraceMetricsResult,
  TraceMetricsResultSchema,
  TraceMetricViewSchema,
  traceMetricUnit,
} from './trace-metrics-model.js';
import { resolveWindow } from './trace-metrics-window.js';

const instantInput = z.union([z.string().min(1).max(64), z.number().int().min(0)]);

/** mlflow_query_trace_metrics: aggregate trace, span or assessment metrics, optionally over time. */
export const queryTraceMetricsTool = defineMlflowTool({
  name: 'mlflow_query_trace_metrics',
  title: 'Query MLflow trace metrics',
  description:
    'Server-side aggregates of MLflow traces, spans or assessments (counts, latency percentiles, tokens, costs, scores) by dimension and time bucket.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: z.array(z.string().min(1).max(200)).min(1).max(20),
    view: TraceMetricViewSchema.default('TRACES'),
    metric: TraceMetricNameSchema.describe(
      'TRACES: trace_count, session_count, latency, input_tokens, output_tokens, total_tokens, ' +
        'cache_read_input_tokens, cache_creation_input_tokens. SPANS: span_count, latency, ' +
        'input_cost, output_cost, total_cost. ASSESSMENTS: assessment_count, assessment_value.',
    ),
    aggregations: z
      .array(TraceMetricAggregationSchema)
      .min(1)
      .max(8)
      .optional()
      .describe('e.g. ["AVG","P95"]; counts take only COUNT, latency no SUM.'),
    dimensions: z
      .array(z.string().min(1).max(64))
      .max(5)
      .optional()
      .describe('e.g. ["trace_status"], ["span_name"], ["span_model_name"], ["assessment_name"].'),
    filters: z
      .array(z.string().min(1).max(500))
      .max(10)
      .optional()
      .describe(`All must hold, e.g. ['trace.status = "ERROR"'], ['span.type = "LLM"'].`),
    intervalSeconds: z
      .number()
      .int()
      .min(1)
      .max(31_536_000)
      .optional()
      .describe('Time bucket, e.g. 3600; omit for one total.'),
    since: instantInput
      .optional()
      .describe('ISO 8601 or epoch ms; default with intervalSeconds 24 h ago.'),
    until: instantInput.optional().describe('ISO 8601 or epoch ms.'),
    limit: limitInput(200, MLFLOW_MAX_TRACE_METRIC_POINTS - 1),
  }),
  outputSchema: TraceMetricsResultSchema,
  async handler(input, { client, signal }) {
    const experimentIds = [
      ...new Set(input.experimentIds.map((id) => parseExperimentId(id, 'experimentIds'))),
    ];
    // MLflow answers unknown experiment ids with zeros; make them a not_found instead.
    await Promise.all(experimentIds.map((id) => client.getExperiment(id, { signal })));
    const aggregations = input.aggregations ?? defaultAggregations(input.metric);
    const window = resolveWindow(input, input.intervalSeconds);
    const points = await queryTraceMetrics(
      client,
      {
        experimentIds,
        view: input.view,
        metric: input.metric,
        aggregations,
        dimensions: input.dimensions,
        filters: input.filters,
        intervalSeconds: input.intervalSeconds,
        ...window,
        // One more than shown: MLflow cannot page, so this is how a cut becomes visible.
        maxResults: input.limit + 1,
      },
      { signal },
    );
    const shown = points.slice(0, input.limit);
    const { dimensions, columns } = toColumns(shown, input.dimensions ?? [], aggregations);
    const result: TraceMetricsResult = {
      metric: input.metric,
      view: input.view,
      unit: traceMetricUnit(input.metric),
      experimentIds,
      dimensions,
      aggregations,
      points: shown.length,
      columns,
    };
    if (window.startMs !== undefined || window.endMs !== undefined) {
      result.window = {
        ...(window.startMs !== undefined ? { start: isoFromMillis(window.startMs) } : {}),
        ...(window.endMs !== undefined ? { end: isoFromMillis(window.endMs) } : {}),
        ...(input.intervalSeconds !== undefined ? { intervalSeconds: input.intervalSeconds } : {}),
      };
    }
    if (points.length > input.limit) result.truncated = true;
    return result;
  },
});
