import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { createModelVersionTool } from './create-model-version.js';
import { createRegisteredModelTool } from './create-registered-model.js';
import { deleteModelVersionTool } from './delete-model-version.js';
import { deleteModelVersionTagTool } from './delete-model-version-tag.js';
import { deleteRegisteredModelTool } from './delete-registered-model.js';
import { deleteRegisteredModelAliasTool } from './delete-registered-model-alias.js';
import { deleteRegisteredModelTagTool } from './delete-registered-model-tag.js';
import { getLatestModelVersionsTool } from './get-latest-model-versions.js';
import { getModelVersionTool } from './get-model-version.js';
import { getModelVersionByAliasTool } from './get-model-version-by-alias.js';
import { getModelVersionDownloadUriTool } from './get-model-version-download-uri.js';
import { getRegisteredModelTool } from './get-registered-model.js';
import { renameRegisteredModelTool } from './rename-registered-model.js';
import { searchModelVersionsTool } from './search-model-versions.js';
import { searchRegisteredModelsTool } from './search-registered-models.js';
import { setModelVersionTagTool } from './set-model-version-tag.js';
import { setRegisteredModelAliasTool } from './set-registered-model-alias.js';
import { setRegisteredModelTagTool } from './set-registered-model-tag.js';
import { transitionModelVersionStageTool } from './transition-model-version-stage.js';
import { updateModelVersionTool } from './update-model-version.js';
import { updateRegisteredModelTool } from './update-registered-model.js';

/** The model registry tools (prompts excluded), reads first. */
export const registryTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  searchRegisteredModelsTool,
  getRegisteredModelTool,
  searchModelVersionsTool,
  getModelVersionTool,
  getModelVersionByAliasTool,
  getLatestModelVersionsTool,
  getModelVersionDownloadUriTool,
  createRegisteredModelTool,
  updateRegisteredModelTool,
  renameRegisteredModelTool,
  deleteRegisteredModelTool,
  createModelVersionTool,
  updateModelVersionTool,
  deleteModelVersionTool,
  setRegisteredModelAliasTool,
  deleteRegisteredModelAliasTool,
  setRegisteredModelTagTool,
  deleteRegisteredModelTagTool,
  setModelVersionTagTool,
  deleteModelVersionTagTool,
  transitionModelVersionStageTool,
];
