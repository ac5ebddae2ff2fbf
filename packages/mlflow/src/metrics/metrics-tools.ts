import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { getMetricHistoriesTool } from './get-metric-histories.js';
import { getMetricHistoryTool } from './get-metric-history.js';

/** Metric history tools, in the order tools/list shows them. */
export const metricsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  getMetricHistoryTool,
  getMetricHistoriesTool,
];
