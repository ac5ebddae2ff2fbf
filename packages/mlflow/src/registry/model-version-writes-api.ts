import type { CallOptions } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { toKeyValuesOrOmit } from '../shared/key-values.js';
import { mapModelVersion } from './map-model-version.js';
import type { MlflowModelVersion } from './model-version-schema.js';
import { assertRegisteredModel } from './registered-models-api.js';
import { ModelVersionResponseSchema } from './registry-api-types.js';
import { LIST_VERSIONS, shape } from './registry-common.js';
import { withRegistryHints } from './registry-hints.js';

/** Model version writes (create, update, delete, tags, legacy stages): sent once, never retried. */

export interface CreateModelVersionParams {
  name: string;
  source: string;
  runId?: string | undefined;
  modelId?: string | undefined;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
}

/** Registers a new version of a model from a run artifact, logged model or storage URI. */
export async function createModelVersion(
  mlflow: MlflowContext,
  params: CreateModelVersionParams,
  options: CallOptions = {},
): Promise<MlflowModelVersion> {
  await assertRegisteredModel(mlflow, params.name, options);
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/model-versions/create`,
      body: {
        name: params.name,
        source: params.source,
        run_id: params.runId,
        model_id: params.modelId,
        description: params.description,
        tags: toKeyValuesOrOmit(params.tags),
      },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: 'create model version',
    }),
    {
      invalid_input:
        'MLflow checks that the source belongs to the given run or logged model: pass runId with ' +
        '"runs:/<runId>/<path>" (or an mlflow-artifacts URI under that run), or modelId with "models:/<modelId>".',
    },
  );
  return mapModelVersion(response.model_version, shape(mlflow, {}));
}

/** Replaces a model version's description. */
export async function updateModelVersion(
  mlflow: MlflowContext,
  params: { name: string; version: string; description: string },
  options: CallOptions = {},
): Promise<MlflowModelVersion> {
  await assertRegisteredModel(mlflow, params.name, options);
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'PATCH',
      path: `${MLFLOW_API}/model-versions/update`,
      body: { name: params.name, version: params.version, description: params.description },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: 'update model version',
    }),
    { not_found: LIST_VERSIONS },
  );
  return mapModelVersion(response.model_version, shape(mlflow, {}));
}

/** Deletes one model version (hard delete); aliases pointing at it are removed too. */
export async function deleteModelVersion(
  mlflow: MlflowContext,
  params: { name: string; version: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await withRegistryHints(
    mlflow.http.request({
      method: 'DELETE',
      path: `${MLFLOW_API}/model-versions/delete`,
      body: { name: params.name, version: params.version },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete model version',
    }),
    { not_found: LIST_VERSIONS },
  );
}

/** Sets one tag on a model version. */
export async function setModelVersionTag(
  mlflow: MlflowContext,
  params: { name: string; version: string; key: string; value: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/model-versions/set-tag`,
      body: { name: params.name, version: params.version, key: params.key, value: params.value },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'set model version tag',
    }),
    { not_found: LIST_VERSIONS },
  );
}

/** Deletes one tag of a model version (success even when the key was not set). */
export async function deleteModelVersionTag(
  mlflow: MlflowContext,
  params: { name: string; version: string; key: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await withRegistryHints(
    mlflow.http.request({
      method: 'DELETE',
      path: `${MLFLOW_API}/model-versions/delete-tag`,
      body: { name: params.name, version: params.version, key: params.key },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete model version tag',
    }),
    { not_found: LIST_VERSIONS },
  );
}

/** The legacy stages MLflow accepts (deprecated since 2.9 in favour of aliases). */
export const MODEL_VERSION_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;

/** Moves a version to a legacy stage, optionally archiving the versions already there. */
export async function transitionModelVersionStage(
  mlflow: MlflowContext,
  params: {
    name: string;
    version: string;
    stage: (typeof MODEL_VERSION_STAGES)[number];
    archiveExistingVersions: boolean;
  },
  options: CallOptions = {},
): Promise<MlflowModelVersion> {
  await assertRegisteredModel(mlflow, params.name, options);
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/model-versions/transition-stage`,
      body: {
        name: params.name,
        version: params.version,
        stage: params.stage,
        archive_existing_versions: params.archiveExistingVersions,
      },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: 'transition model version stage',
    }),
    { not_found: LIST_VERSIONS },
  );
  return mapModelVersion(response.model_version, shape(mlflow, {}));
}
