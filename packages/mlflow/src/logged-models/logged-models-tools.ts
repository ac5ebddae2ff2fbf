import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { createLoggedModelTool } from './create-logged-model.js';
import { deleteLoggedModelTool } from './delete-logged-model.js';
import { deleteLoggedModelTagTool } from './delete-logged-model-tag.js';
import { finalizeLoggedModelTool } from './finalize-logged-model.js';
import { getLoggedModelTool } from './get-logged-model.js';
import { logLoggedModelParamsTool } from './log-logged-model-params.js';
import { searchLoggedModelsTool } from './search-logged-models.js';
import { setLoggedModelTagsTool } from './set-logged-model-tags.js';

/** MLflow 3 logged-model tools, reads first. */
export const loggedModelsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  searchLoggedModelsTool,
  getLoggedModelTool,
  createLoggedModelTool,
  finalizeLoggedModelTool,
  deleteLoggedModelTool,
  logLoggedModelParamsTool,
  setLoggedModelTagsTool,
  deleteLoggedModelTagTool,
];
