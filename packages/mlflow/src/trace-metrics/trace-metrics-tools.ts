import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { queryTraceMetricsTool } from './query-trace-metrics.js';

/** The MLflow trace metrics tool (server-side aggregates over traces, spans and assessments). */
export const traceMetricsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  queryTraceMetricsTool,
];
