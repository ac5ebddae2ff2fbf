import { type CallOptions, InvalidInputError, NotFoundError, type Page } from '@mlops-mcp/core';
import { IS_PROMPT_TAG } from '../prompts/prompt-tags.js';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
import { mapModelVersion, type RegistryShapeOptions } from './map-model-version.js';
import { mapRegisteredModel } from './map-registered-model.js';
import type { MlflowModelVersion } from './model-version-schema.js';
import type { MlflowRegisteredModel } from './registered-model-schema.js';
import {
  DownloadUriResponseSchema,
  type MlflowModelVersionRaw,
  type MlflowRegisteredModelRaw,
  ModelVersionResponseSchema,
  ModelVersionsResponseSchema,
  RegisteredModelResponseSchema,
  SearchRegisteredModelsResponseSchema,
} from './registry-api-types.js';
import { withRegistryHints } from './registry-hints.js';
import { fetchResumablePage } from './registry-page.js';
import { LIST_DESCRIPTION_CHARS } from './registry-text.js';

/**
 * MLflow model registry endpoints (`api/2.0/mlflow/registered-models/*`, `model-versions/*`).
 * Prompts live in the same tables (registered models tagged `mlflow.prompt.is_prompt=true`);
 * like MlflowClient, every function here hides them: searches exclude them, gets of a prompt
 * are not_found, writes refuse them. Writes are sent once, never retried.
 */

/** registered-models/search rejects max_results above 1000 (handlers._search_registered_models). */
export const REGISTERED_MODELS_MAX_RESULTS = 1000;
/** model-versions/search accepts up to 200,000 (handlers._search_model_versions). */
const MODEL_VERSIONS_MAX_RESULTS = 200_000;

const LIST_MODELS = 'mlflow_search_registered_models lists registered models by name.';
const LIST_VERSIONS =
  "mlflow_search_model_versions (filter \"name = '<model>'\") lists a model's versions.";
const LIST_ALIASES = "mlflow_get_registered_model shows the model's aliases (alias → version).";
const IS_A_PROMPT =
  'Prompts are handled by mlflow_search_prompts, mlflow_get_prompt and mlflow_register_prompt.';

/** True when MLflow tags mark a registered model or version as a prompt. */
export function hasPromptTag(tags: readonly { key: string; value: string }[]): boolean {
  return tags.some((tag) => tag.key === IS_PROMPT_TAG && tag.value.toLowerCase() === 'true');
}

function promptNotModel(name: string): NotFoundError {
  return new NotFoundError(`"${name}" is a prompt, not a registered model.`, {
    backend: 'mlflow',
    hint: `${IS_A_PROMPT} ${LIST_MODELS}`,
  });
}

/**
 * Adds MlflowClient's prompt exclusion (`tag.\`mlflow.prompt.is_prompt\` != 'true'`, see
 * mlflow/prompt/registry_utils.add_prompt_filter_string) to a registry filter. A filter that
 * names the prompt tag itself is refused: prompts have their own tools.
 */
export function excludePromptsFilter(filter: string | undefined): string {
  const exclusion = `tags.\`${IS_PROMPT_TAG}\` != 'true'`;
  const trimmed = filter?.trim();
  if (!trimmed) return exclusion;
  if (trimmed.includes(IS_PROMPT_TAG)) {
    throw new InvalidInputError('Registry tools do not search prompts.', {
      field: 'filter',
      hint: IS_A_PROMPT,
    });
  }
  return `${trimmed} AND ${exclusion}`;
}

function shape(
  mlflow: MlflowContext,
  options: MlflowReadOptions,
  list = false,
): RegistryShapeOptions {
  return {
    baseUrl: mlflow.baseUrl,
    includeSystemTags: options.includeSystemTags ?? false,
    maxDescriptionChars: list ? LIST_DESCRIPTION_CHARS : undefined,
  };
}

// --- reads -------------------------------------------------------------------------------

export interface SearchRegisteredModelsParams {
  filter?: string | undefined;
  orderBy?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Searches registered models (prompts excluded), paged with a resumable cursor. */
export async function searchRegisteredModels(
  mlflow: MlflowContext,
  params: SearchRegisteredModelsParams,
  options: MlflowReadOptions = {},
): Promise<Page<MlflowRegisteredModel>> {
  const filter = excludePromptsFilter(params.filter);
  return fetchResumablePage({
    cursor: params.cursor,
    limit: params.limit,
    serverMax: REGISTERED_MODELS_MAX_RESULTS,
    fetch: async (token, maxResults) => {
      const response = await withRegistryHints(
        mlflow.http.request({
          method: 'GET',
          path: `${MLFLOW_API}/registered-models/search`,
          query: {
            filter,
            max_results: maxResults,
            order_by: params.orderBy?.length ? [...params.orderBy] : undefined,
            page_token: token,
          },
          signal: options.signal,
          schema: SearchRegisteredModelsResponseSchema,
          operation: 'search registered models',
        }),
        {
          invalid_input:
            'Registered model filters use name and tags: "name LIKE \'%llama%\'", "tags.task = \'nlp\'" ' +
            '(strings in single quotes, AND only). Order by name, creation_timestamp or last_updated_timestamp.',
        },
      );
      return { items: response.registered_models, nextToken: response.next_page_token };
    },
    map: (raw) => mapRegisteredModel(raw, shape(mlflow, options, true)),
  });
}

/** The raw registered model, with MLflow's not_found turned into advice. */
async function fetchRegisteredModel(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions,
): Promise<MlflowRegisteredModelRaw> {
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/registered-models/get`,
      query: { name },
      signal: options.signal,
      schema: RegisteredModelResponseSchema,
      operation: 'get registered model',
    }),
    { not_found: `Names are exact and case-sensitive. ${LIST_MODELS}` },
  );
  return response.registered_model;
}

/**
 * Fails with not_found when `name` is missing or is a prompt (MlflowClient._raise_if_prompt
 * does the same before registry writes), so model tools never touch prompts.
 */
export async function assertRegisteredModel(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions = {},
): Promise<MlflowRegisteredModelRaw> {
  const raw = await fetchRegisteredModel(mlflow, name, options);
  if (hasPromptTag(raw.tags)) throw promptNotModel(name);
  return raw;
}

/** One registered model with its aliases (alias → version) and latest versions. */
export async function getRegisteredModel(
  mlflow: MlflowContext,
  name: string,
  options: MlflowReadOptions = {},
): Promise<MlflowRegisteredModel> {
  const raw = await assertRegisteredModel(mlflow, name, options);
  return mapRegisteredModel(raw, shape(mlflow, options));
}

export interface SearchModelVersionsParams {
  filter?: string | undefined;
  orderBy?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Searches model versions (prompt versions excluded). MLflow's search leaves `aliases` empty
 * for speed (documented in MlflowClient.search_model_versions), so results carry none.
 */
export async function searchModelVersions(
  mlflow: MlflowContext,
  params: SearchModelVersionsParams,
  options: MlflowReadOptions = {},
): Promise<Page<MlflowModelVersion>> {
  const filter = excludePromptsFilter(params.filter);
  return fetchResumablePage({
    cursor: params.cursor,
    limit: params.limit,
    serverMax: MODEL_VERSIONS_MAX_RESULTS,
    fetch: async (token, maxResults) => {
      const response = await withRegistryHints(
        mlflow.http.request({
          method: 'GET',
          path: `${MLFLOW_API}/model-versions/search`,
          query: {
            filter,
            max_results: maxResults,
            order_by: params.orderBy?.length ? [...params.orderBy] : undefined,
            page_token: token,
          },
          signal: options.signal,
          schema: ModelVersionsResponseSchema,
          operation: 'search model versions',
        }),
        {
          invalid_input:
            'Model version filters use name, version_number, run_id, source_path and tags: "name = \'my-model\'", ' +
            '"run_id = \'<32 hex>\'", "tags.validated = \'true\'" (strings in single quotes, AND only). ' +
            'Order by e.g. "version_number DESC" or "creation_timestamp DESC".',
        },
      );
      return { items: response.model_versions, nextToken: response.next_page_token };
    },
    map: (raw) => mapModelVersion(raw, shape(mlflow, options, true)),
  });
}

function checkVersionNotPrompt(raw: MlflowModelVersionRaw): MlflowModelVersionRaw {
  // MlflowClient.get_model_version / get_model_version_by_alias do the same check.
  if (hasPromptTag(raw.tags)) throw promptNotModel(raw.name);
  return raw;
}

/** Fetches one version of a registered model. */
export async function fetchModelVersion(
  mlflow: MlflowContext,
  name: string,
  version: string,
  options: CallOptions = {},
): Promise<MlflowModelVersionRaw> {
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/model-versions/get`,
      query: { name, version },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: 'get model version',
    }),
    { not_found: LIST_VERSIONS, invalid_input: 'Versions are whole numbers such as "2".' },
  );
  return response.model_version;
}

/** One version of a registered model, with its aliases. */
export async function getModelVersion(
  mlflow: MlflowContext,
  name: string,
  version: string,
  options: MlflowReadOptions = {},
): Promise<MlflowModelVersion> {
  const raw = checkVersionNotPrompt(await fetchModelVersion(mlflow, name, version, options));
  return mapModelVersion(raw, shape(mlflow, options));
}

/** The version an alias (e.g. `champion`) points at. */
export async function getModelVersionByAlias(
  mlflow: MlflowContext,
  name: string,
  alias: string,
  options: MlflowReadOptions = {},
): Promise<MlflowModelVersion> {
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/registered-models/alias`,
      query: { name, alias },
      signal: options.signal,
      schema: ModelVersionResponseSchema,
      operation: 'get model version by alias',
    }),
    { not_found: `${LIST_ALIASES} ${LIST_MODELS}` },
  );
  return mapModelVersion(checkVersionNotPrompt(response.model_version), shape(mlflow, options));
}

/**
 * The latest version in each requested stage (all stages when none given). Stages are
 * deprecated since MLflow 2.9 in favour of aliases; kept for registries that still use them.
 */
export async function getLatestModelVersions(
  mlflow: MlflowContext,
  name: string,
  stages: readonly string[] | undefined,
  options: MlflowReadOptions = {},
): Promise<MlflowModelVersion[]> {
  await assertRegisteredModel(mlflow, name, options);
  const response = await mlflow.http.request({
    method: 'POST',
    path: `${MLFLOW_API}/registered-models/get-latest-versions`,
    body: { name, stages: stages?.length ? stages : undefined },
    idempotent: true,
    signal: options.signal,
    schema: ModelVersionsResponseSchema,
    operation: 'get latest model versions',
  });
  return response.model_versions.map((raw) => mapModelVersion(raw, shape(mlflow, options)));
}

/** Where a version's files live (e.g. runs:/…/model, models:/m-…, s3://…). */
export async function getModelVersionDownloadUri(
  mlflow: MlflowContext,
  name: string,
  version: string,
  options: CallOptions = {},
): Promise<string> {
  await assertRegisteredModel(mlflow, name, options);
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/model-versions/get-download-uri`,
      query: { name, version },
      signal: options.signal,
      schema: DownloadUriResponseSchema,
      operation: 'get model version download uri',
    }),
    { not_found: LIST_VERSIONS },
  );
  return response.artifact_uri;
}

// --- writes ------------------------------------------------------------------------------

const toTagList = (tags: Record<string, string> | undefined) =>
  tags && Object.keys(tags).length > 0
    ? Object.entries(tags).map(([key, value]) => ({ key, value }))
    : undefined;

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
      body: { name: params.name, description: params.description, tags: toTagList(params.tags) },
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
        tags: toTagList(params.tags),
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
