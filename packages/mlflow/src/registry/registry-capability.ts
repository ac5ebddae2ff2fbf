import type { Registry } from '@mlops-mcp/core';
import type { MlflowContext } from '../shared/context.js';
import { getModelVersion, getModelVersionByAlias } from './model-versions-api.js';
import { searchRegisteredModels } from './registered-models-api.js';

/**
 * The neutral Registry capability over MLflow's model registry (prompts excluded). Model
 * versions carry refs `mlflow://model-versions/<name>%2F<version>`.
 */
export function createMlflowRegistry(mlflow: MlflowContext): Registry {
  return {
    searchModels: (params, options) => searchRegisteredModels(mlflow, params, options),
    getModelVersion: (name, version, options) => getModelVersion(mlflow, name, version, options),
    getModelVersionByAlias: (name, alias, options) =>
      getModelVersionByAlias(mlflow, name, alias, options),
  };
}
