import type { CallOptions } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import type { MlflowContext } from '../shared/context.js';
import { toKeyValuesOrOmit } from '../shared/key-values.js';
import { mapRegisteredModel } from './map-registered-model.js';
import type { MlflowRegisteredModel } from './registered-model-schema.js';
import { RegisteredModelResponseSchema } from './registry-api-types.js';
import { LIST_MODELS, LIST_VERSIONS, shape } from './registry-common.js';
import type { RegistryHints } from './registry-hints.js';
import { type RegistryWrite, sendRegistryWrite, writeRegisteredModel } from './registry-writes.js';

/** Registered model writes (create, update, rename, delete, aliases, tags): sent once, never retried. */

export interface CreateRegisteredModelParams {
  name: string;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
}

/** What a write of `registered-models/<endpoint>` sends, bar the schema of its answer. */
type ModelWrite = Omit<RegistryWrite<unknown>, 'schema'>;

/** Sends a write that answers with the registered model, and maps it. */
async function mapped(
  mlflow: MlflowContext,
  response: Promise<{ registered_model: Parameters<typeof mapRegisteredModel>[0] }>,
): Promise<MlflowRegisteredModel> {
  return mapRegisteredModel((await response).registered_model, shape(mlflow, {}));
}

/** A write to an existing model `name` that answers with the model. */
function writeModel(
  mlflow: MlflowContext,
  name: string,
  write: ModelWrite,
  options: CallOptions,
): Promise<MlflowRegisteredModel> {
  const schema = RegisteredModelResponseSchema;
  return mapped(mlflow, writeRegisteredModel(mlflow, name, { ...write, schema }, options));
}

/** A write to an existing model `body.name` that answers with nothing. */
async function writeModelNoAnswer(
  mlflow: MlflowContext,
  write: ModelWrite & { body: { name: string } },
  options: CallOptions,
): Promise<void> {
  const schema = EmptyResponseSchema;
  await writeRegisteredModel(mlflow, write.body.name, { ...write, schema }, options);
}

/** Creates a registered model; a taken name (model or prompt) is invalid_input. */
export async function createRegisteredModel(
  mlflow: MlflowContext,
  params: CreateRegisteredModelParams,
  options: CallOptions = {},
): Promise<MlflowRegisteredModel> {
  const write = {
    method: 'POST',
    endpoint: 'registered-models/create',
    body: {
      name: params.name,
      description: params.description,
      tags: toKeyValuesOrOmit(params.tags),
    },
    schema: RegisteredModelResponseSchema,
    operation: 'create registered model',
    hints: {
      invalid_input: `The name may be taken (by a model or a prompt) or contain '/' or ':'. ${LIST_MODELS}`,
    },
  } as const;
  return mapped(mlflow, sendRegistryWrite(mlflow, write, options));
}

/** Replaces a registered model's description. */
export async function updateRegisteredModel(
  mlflow: MlflowContext,
  params: { name: string; description: string },
  options: CallOptions = {},
): Promise<MlflowRegisteredModel> {
  const body = { name: params.name, description: params.description };
  const operation = 'update registered model';
  return writeModel(
    mlflow,
    params.name,
    { method: 'PATCH', endpoint: 'registered-models/update', body, operation },
    options,
  );
}

/** Renames a registered model (its versions, aliases and tags move with it). */
export async function renameRegisteredModel(
  mlflow: MlflowContext,
  params: { name: string; newName: string },
  options: CallOptions = {},
): Promise<MlflowRegisteredModel> {
  const body = { name: params.name, new_name: params.newName };
  const hints = {
    invalid_input: `The new name may be taken or contain '/' or ':'. ${LIST_MODELS}`,
  };
  const operation = 'rename registered model';
  return writeModel(
    mlflow,
    params.name,
    { method: 'POST', endpoint: 'registered-models/rename', body, operation, hints },
    options,
  );
}

/** Deletes a registered model with all its versions (hard delete: no restore). */
export async function deleteRegisteredModel(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions = {},
): Promise<void> {
  const operation = 'delete registered model';
  await writeModelNoAnswer(
    mlflow,
    { method: 'DELETE', endpoint: 'registered-models/delete', body: { name }, operation },
    options,
  );
}

const ALIAS_HINTS: RegistryHints = {
  not_found: LIST_VERSIONS,
  invalid_input:
    "Aliases are letters, digits, '_' and '-'; 'latest' and v<number> (e.g. v3) are reserved.",
};

/** Points an alias at a version (moving it if it pointed elsewhere). */
export async function setRegisteredModelAlias(
  mlflow: MlflowContext,
  params: { name: string; alias: string; version: string },
  options: CallOptions = {},
): Promise<void> {
  const { name, alias, version } = params;
  const operation = 'set registered model alias';
  const body = { name, alias, version };
  await writeModelNoAnswer(
    mlflow,
    { method: 'POST', endpoint: 'registered-models/alias', body, operation, hints: ALIAS_HINTS },
    options,
  );
}

/** Removes an alias (MLflow answers success even when the alias did not exist). */
export async function deleteRegisteredModelAlias(
  mlflow: MlflowContext,
  params: { name: string; alias: string },
  options: CallOptions = {},
): Promise<void> {
  const body = { name: params.name, alias: params.alias };
  const operation = 'delete registered model alias';
  await writeModelNoAnswer(
    mlflow,
    { method: 'DELETE', endpoint: 'registered-models/alias', body, operation },
    options,
  );
}

/** Sets one tag on a registered model. */
export async function setRegisteredModelTag(
  mlflow: MlflowContext,
  params: { name: string; key: string; value: string },
  options: CallOptions = {},
): Promise<void> {
  const body = { name: params.name, key: params.key, value: params.value };
  const operation = 'set registered model tag';
  await writeModelNoAnswer(
    mlflow,
    { method: 'POST', endpoint: 'registered-models/set-tag', body, operation },
    options,
  );
}

/** Deletes one tag of a registered model (success even when the key was not set). */
export async function deleteRegisteredModelTag(
  mlflow: MlflowContext,
  params: { name: string; key: string },
  options: CallOptions = {},
): Promise<void> {
  const body = { name: params.name, key: params.key };
  const operation = 'delete registered model tag';
  await writeModelNoAnswer(
    mlflow,
    { method: 'DELETE', endpoint: 'registered-models/delete-tag', body, operation },
    options,
  );
}
