import type { CallOptions, Page } from '@mlops-mcp/core';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
import { mapModelVersion } from './map-model-version.js';
import type { MlflowModelVersion } from './model-version-schema.js';
import { assertRegisteredModel } from './registered-models-api.js';
import {
  DownloadUriResponseSchema,
  type MlflowModelVersionRaw,
  ModelVersionResponseSchema,
  ModelVersionsResponseSchema,
} from './registry-api-types.js';
import {
  excludePromptsFilter,
  hasPromptTag,
  LIST_ALIASES,
  LIST_MODELS,
  LIST_VERSIONS,
  MODEL_VERSIONS_MAX_RESULTS,
  promptNotModel,
  shape,
} from './registry-common.js';
import { withRegistryHints } from './registry-hints.js';
import { searchRegistry } from './registry-search.js';

/** Model version reads: search, get (by number or alias), latest per stage, download URI. */

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
  return searchRegistry(
    mlflow,
    {
      ...params,
      filter,
      endpoint: 'model-versions/search',
      serverMax: MODEL_VERSIONS_MAX_RESULTS,
      schema: ModelVersionsResponseSchema,
      rows: (response) => ({ items: response.model_versions, nextToken: response.next_page_token }),
      operation: 'search model versions',
      invalidInputHint:
        'Model version filters use name, version_number, run_id, source_path and tags: "name = \'my-model\'", ' +
        '"run_id = \'<32 hex>\'", "tags.validated = \'true\'" (strings in single quotes, AND only). ' +
        'Order by e.g. "version_number DESC" or "creation_timestamp DESC".',
      map: (raw) => mapModelVersion(raw, shape(mlflow, options, true)),
    },
    options,
  );
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
