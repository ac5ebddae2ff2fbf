import type { AnyToolDefinition } from '@mlops-mcp/core';
import { artifactsTools } from './artifacts/artifacts-tools.js';
import { experimentsTools } from './experiments/experiments-tools.js';
import { searchExperimentsTool } from './experiments/search-experiments.js';
import { loggedModelsTools } from './logged-models/logged-models-tools.js';
import { metricsTools } from './metrics/metrics-tools.js';
import type { MlflowAdapter } from './mlflow-adapter.js';
import { promptOptimizationJobsTools } from './prompt-optimization-jobs/prompt-optimization-jobs-tools.js';
import { promptsTools } from './prompts/prompts-tools.js';
import { registryTools } from './registry/registry-tools.js';
import { getRunTool } from './runs/get-run.js';
import { runWritesTools } from './runs/run-writes-tools.js';
import { searchRunsTool } from './runs/search-runs.js';
import { setRunTagTool } from './runs/set-run-tag.js';
import { scorersTools } from './scorers/scorers-tools.js';
import { summariesTools } from './summaries/summaries-tools.js';
import { traceMetricsTools } from './trace-metrics/trace-metrics-tools.js';
import { traceAttachmentsTools } from './traces/trace-attachments-tools.js';
import { tracesTools } from './traces/traces-tools.js';
import { webhooksTools } from './webhooks/webhooks-tools.js';

/** Every MLflow tool, in the order tools/list shows them. */
export const mlflowTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  searchExperimentsTool,
  ...experimentsTools,
  searchRunsTool,
  getRunTool,
  ...metricsTools,
  ...artifactsTools,
  ...summariesTools,
  setRunTagTool,
  ...runWritesTools,
  ...tracesTools,
  ...traceMetricsTools,
  ...scorersTools,
  ...registryTools,
  ...loggedModelsTools,
  ...promptsTools,
  ...webhooksTools,
  // Found missing by comparing with the widest other MLflow MCP server (@us-all/mlflow-mcp).
  ...traceAttachmentsTools,
  ...promptOptimizationJobsTools,
];
