import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { artifactsTools } from './artifacts-tools.js';
import { experimentsTools } from './experiments-tools.js';
import { gapTools } from './gap-tools.js';
import { getRunTool } from './get-run.js';
import { loggedModelsTools } from './logged-models-tools.js';
import { metricsTools } from './metrics-tools.js';
import { promptsTools } from './prompts-tools.js';
import { registryTools } from './registry-tools.js';
import { runWritesTools } from './run-writes-tools.js';
import { scorersTools } from './scorers-tools.js';
import { searchExperimentsTool } from './search-experiments.js';
import { searchRunsTool } from './search-runs.js';
import { setRunTagTool } from './set-run-tag.js';
import { summariesTools } from './summaries-tools.js';
import { traceMetricsTools } from './trace-metrics-tools.js';
import { tracesTools } from './traces-tools.js';
import { webhooksTools } from './webhooks-tools.js';

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
  ...gapTools,
];
