import type { Registry } from '@mlops-mcp/core';
import { getModelVersion, getModelVersionByAlias, searchRegisteredModels } from './api/registry.js';
import type { MlflowContext } from './http/context.js';

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
