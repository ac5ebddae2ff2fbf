import type { CallOptions } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import type { MlflowContext } from '../shared/context.js';
import { toKeyValuesOrOmit } from '../shared/key-values.js';
import { mapModelVersion } from './map-model-version.js';
import type { MlflowModelVersion } from './model-version-schema.js';
import { ModelVersionResponseSchema } from './registry-api-types.js';
import { LIST_VERSIONS, shape } from './registry-common.js';
import type { RegistryHints } from './registry-hints.js';
import { writeRegisteredModel } from './registry-writes.js';

/** Model version writes (create, update, delete, tags, legacy stages): sent once, never retried. */

const VERSION_HINTS: RegistryHints = { not_found: LIST_VERSIONS };

export interface CreateModelVersionParams {
  name: string;
  source: string;
  runId?: string | undefined;
  modelId?: string | undefined;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
}

/** A write of `model-versions/<endpoint>` that answers with the version, mapped. */
async function writeVersion(
  mlflow: MlflowContext,
  name: string,
  write: { method: 'POST' | 'PATCH'; endpoint: string; body: Record<string, unknown> },
  operation: string,
  hints: RegistryHints,
  options: CallOptions,
): Promise<MlflowModelVersion> {
  const response = await writeRegisteredModel(
    mlflow,
    name,
    {
      ...write,
      endpoint: `model-versions/${write.endpoint}`,
      schema: ModelVersionResponseSchema,
      operation,
      hints,
    },
    options,
  );
  return mapModelVersion(response.model_version, shape(mlflow, {}));
}

/** A write of `model-versions/<endpoint>` that answers with nothing. */
async function writeVersionNoAnswer(
  mlflow: MlflowContext,
  params: { name: string; version: string; key?: string; value?: string },
  write: { method: 'POST' | 'DELETE'; endpoint: string; operation: string },
  options: CallOptions,
): Promise<void> {
  await writeRegisteredModel(
    mlflow,
    params.name,
    {
      ...write,
      endpoint: `model-versions/${write.endpoint}`,
      body: params,
      schema: EmptyResponseSchema,
      hints: VERSION_HINTS,
    },
    options,
  );
}

/** Registers a new version of a model from a run artifact, logged model or storage URI. */
export async function createModelVersion(
  mlflow: MlflowContext,
  params: CreateModelVersionParams,
  options: CallOptions = {},
): Promise<MlflowModelVersion> {
  const body = {
    name: params.name,
    source: params.source,
    run_id: params.runId,
    model_id: params.modelId,
    description: params.description,
    tags: toKeyValuesOrOmit(params.tags),
  };
  const hints = {
    invalid_input:
      'MLflow checks that the source belongs to the given run or logged model: pass runId with ' +
      '"runs:/<runId>/<path>" (or an mlflow-artifacts URI under that run), or modelId with "models:/<modelId>".',
  };
  const write = { method: 'POST', endpoint: 'create', body } as const;
  return writeVersion(mlflow, params.name, write, 'create model version', hints, options);
}

/** Replaces a model version's description. */
export async function updateModelVersion(
  mlflow: MlflowContext,
  params: { name: string; version: string; description: string },
  options: CallOptions = {},
): Promise<MlflowModelVersion> {
  const { name, version, description } = params;
  const write = {
    method: 'PATCH',
    endpoint: 'update',
    body: { name, version, description },
  } as const;
  return writeVersion(mlflow, name, write, 'update model version', VERSION_HINTS, options);
}

/** Deletes one model version (hard delete); aliases pointing at it are removed too. */
export async function deleteModelVersion(
  mlflow: MlflowContext,
  params: { name: string; version: string },
  options: CallOptions = {},
): Promise<void> {
  const { name, version } = params;
  const write = {
    method: 'DELETE',
    endpoint: 'delete',
    operation: 'delete model version',
  } as const;
  return writeVersionNoAnswer(mlflow, { name, version }, write, options);
}

/** Sets one tag on a model version. */
export async function setModelVersionTag(
  mlflow: MlflowContext,
  params: { name: string; version: string; key: string; value: string },
  options: CallOptions = {},
): Promise<void> {
  const { name, version, key, value } = params;
  const write = {
    method: 'POST',
    endpoint: 'set-tag',
    operation: 'set model version tag',
  } as const;
  return writeVersionNoAnswer(mlflow, { name, version, key, value }, write, options);
}

/** Deletes one tag of a model version (success even when the key was not set). */
export async function deleteModelVersionTag(
  mlflow: MlflowContext,
  params: { name: string; version: string; key: string },
  options: CallOptions = {},
): Promise<void> {
  const { name, version, key } = params;
  const write = {
    method: 'DELETE',
    endpoint: 'delete-tag',
    operation: 'delete model version tag',
  } as const;
  return writeVersionNoAnswer(mlflow, { name, version, key }, write, options);
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
  const body = {
    name: params.name,
    version: params.version,
    stage: params.stage,
    archive_existing_versions: params.archiveExistingVersions,
  };
  const write = { method: 'POST', endpoint: 'transition-stage', body } as const;
  return writeVersion(
    mlflow,
    params.name,
    write,
    'transition model version stage',
    VERSION_HINTS,
    options,
  );
}
