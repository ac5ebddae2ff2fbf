import type { CallOptions } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { toKeyValuesOrOmit } from '../shared/key-values.js';
import { mapRegisteredModel } from './map-registered-model.js';
import type { MlflowRegisteredModel } from './registered-model-schema.js';
import { assertRegisteredModel } from './registered-models-api.js';
import { RegisteredModelResponseSchema } from './registry-api-types.js';
import { LIST_MODELS, LIST_VERSIONS, shape } from './registry-common.js';
import { withRegistryHints } from './registry-hints.js';

/** Registered model writes (create, update, rename, delete, aliases, tags): sent once, never retried. */

export interface CreateRegisteredModelParams {
  name: string;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
}

/** Creates a registered model; a taken name (model or prompt) is invalid_input. */
export async function createRegisteredModel(
  mlflow: MlflowContext,
  params: CreateRegisteredModelParams,
  options: CallOptions = {},
): Promise<MlflowRegisteredModel> {
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/registered-models/create`,
      body: {
        name: params.name,
        description: params.description,
        tags: toKeyValuesOrOmit(params.tags),
      },
      signal: options.signal,
      schema: RegisteredModelResponseSchema,
      operation: 'create registered model',
    }),
    {
      invalid_input: `The name may be taken (by a model or a prompt) or contain '/' or ':'. ${LIST_MODELS}`,
    },
  );
  return mapRegisteredModel(response.registered_model, shape(mlflow, {}));
}

/** Replaces a registered model's description. */
export async function updateRegisteredModel(
  mlflow: MlflowContext,
  params: { name: string; description: string },
  options: CallOptions = {},
): Promise<MlflowRegisteredModel> {
  await assertRegisteredModel(mlflow, params.name, options);
  const response = await mlflow.http.request({
    method: 'PATCH',
    path: `${MLFLOW_API}/registered-models/update`,
    body: { name: params.name, description: params.description },
    signal: options.signal,
    schema: RegisteredModelResponseSchema,
    operation: 'update registered model',
  });
  return mapRegisteredModel(response.registered_model, shape(mlflow, {}));
}

/** Renames a registered model (its versions, aliases and tags move with it). */
export async function renameRegisteredModel(
  mlflow: MlflowContext,
  params: { name: string; newName: string },
  options: CallOptions = {},
): Promise<MlflowRegisteredModel> {
  await assertRegisteredModel(mlflow, params.name, options);
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/registered-models/rename`,
      body: { name: params.name, new_name: params.newName },
      signal: options.signal,
      schema: RegisteredModelResponseSchema,
      operation: 'rename registered model',
    }),
    { invalid_input: `The new name may be taken or contain '/' or ':'. ${LIST_MODELS}` },
  );
  return mapRegisteredModel(response.registered_model, shape(mlflow, {}));
}

/** Deletes a registered model with all its versions (hard delete: no restore). */
export async function deleteRegisteredModel(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, name, options);
  await mlflow.http.request({
    method: 'DELETE',
    path: `${MLFLOW_API}/registered-models/delete`,
    body: { name },
    signal: options.signal,
    schema: EmptyResponseSchema,
    operation: 'delete registered model',
  });
}

/** Points an alias at a version (moving it if it pointed elsewhere). */
export async function setRegisteredModelAlias(
  mlflow: MlflowContext,
  params: { name: string; alias: string; version: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await withRegistryHints(
    mlflow.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/registered-models/alias`,
      body: { name: params.name, alias: params.alias, version: params.version },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'set registered model alias',
    }),
    {
      not_found: LIST_VERSIONS,
      invalid_input:
        "Aliases are letters, digits, '_' and '-'; 'latest' and v<number> (e.g. v3) are reserved.",
    },
  );
}

/** Removes an alias (MLflow answers success even when the alias did not exist). */
export async function deleteRegisteredModelAlias(
  mlflow: MlflowContext,
  params: { name: string; alias: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await mlflow.http.request({
    method: 'DELETE',
    path: `${MLFLOW_API}/registered-models/alias`,
    body: { name: params.name, alias: params.alias },
    signal: options.signal,
    schema: EmptyResponseSchema,
    operation: 'delete registered model alias',
  });
}

/** Sets one tag on a registered model. */
export async function setRegisteredModelTag(
  mlflow: MlflowContext,
  params: { name: string; key: string; value: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await mlflow.http.request({
    method: 'POST',
    path: `${MLFLOW_API}/registered-models/set-tag`,
    body: { name: params.name, key: params.key, value: params.value },
    signal: options.signal,
    schema: EmptyResponseSchema,
    operation: 'set registered model tag',
  });
}

/** Deletes one tag of a registered model (success even when the key was not set). */
export async function deleteRegisteredModelTag(
  mlflow: MlflowContext,
  params: { name: string; key: string },
  options: CallOptions = {},
): Promise<void> {
  await assertRegisteredModel(mlflow, params.name, options);
  await mlflow.http.request({
    method: 'DELETE',
    path: `${MLFLOW_API}/registered-models/delete-tag`,
    body: { name: params.name, key: params.key },
    signal: options.signal,
    schema: EmptyResponseSchema,
    operation: 'delete registered model tag',
  });
}
