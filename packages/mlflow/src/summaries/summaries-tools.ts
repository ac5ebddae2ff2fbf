import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { compareRunsTool } from './compare-runs.js';
import { getBestRunTool } from './get-best-run.js';
import { summarizeExperimentTool } from './summarize-experiment.js';
import { summarizeRunTool } from './summarize-run.js';

/** Aggregation tools (several backend calls folded into one answer), in tools/list order. */
export const summariesTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  summarizeExperimentTool,
  summarizeRunTool,
  getBestRunTool,
  compareRunsTool,
];
