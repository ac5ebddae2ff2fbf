import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { createExperimentTool } from './create-experiment.js';
import { deleteExperimentTool } from './delete-experiment.js';
import { deleteExperimentTagTool } from './delete-experiment-tag.js';
import { getExperimentTool } from './get-experiment.js';
import { getExperimentByNameTool } from './get-experiment-by-name.js';
import { restoreExperimentTool } from './restore-experiment.js';
import { setExperimentTagTool } from './set-experiment-tag.js';
import { updateExperimentTool } from './update-experiment.js';

/** The experiment tools besides mlflow_search_experiments: reads first, then writes. */
export const experimentsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  getExperimentTool,
  getExperimentByNameTool,
  createExperimentTool,
  updateExperimentTool,
  deleteExperimentTool,
  restoreExperimentTool,
  setExperimentTagTool,
  deleteExperimentTagTool,
];
