import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { getRunTool } from './get-run.js';
import { searchExperimentsTool } from './search-experiments.js';
import { searchRunsTool } from './search-runs.js';
import { setRunTagTool } from './set-run-tag.js';

/** Every MLflow tool, in the order tools/list shows them. */
export const mlflowTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  searchExperimentsTool,
  searchRunsTool,
  getRunTool,
  setRunTagTool,
];
