import type { CallOptions, Page } from '@mlops-mcp/core';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
import { mapRegisteredModel } from './map-registered-model.js';
import type { MlflowRegisteredModel } from './registered-model-schema.js';
import {
  type MlflowRegisteredModelRaw,
  RegisteredModelResponseSchema,
  SearchRegisteredModelsResponseSchema,
} from './registry-api-types.js';
import {
  excludePromptsFilter,
  hasPromptTag,
  LIST_MODELS,
  promptNotModel,
  REGISTERED_MODELS_MAX_RESULTS,
  shape,
} from './registry-common.js';
import { withRegistryHints } from './registry-hints.js';
import { type RegistrySearch, searchRegistry } from './registry-search.js';

/** Registered model reads: search (prompts excluded) and get. */

export interface SearchRegisteredModelsParams {
  filter?: string | undefined;
  orderBy?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** What a registered-models/search request needs besides the page (models and prompts share it). */
export type RegisteredModelSearch<Item> = Pick<
  RegistrySearch<unknown, MlflowRegisteredModelRaw, Item>,
  'filter' | 'orderBy' | 'limit' | 'cursor' | 'operation' | 'invalidInputHint' | 'map'
>;

/** One page of registered-models/search (prompts live in the same table), resumable. */
export async function searchRegisteredModelRows<Item>(
  mlflow: MlflowContext,
  search: RegisteredModelSearch<Item>,
  options: CallOptions = {},
): Promise<Page<Item>> {
  return searchRegistry(
    mlflow,
    {
      ...search,
      endpoint: 'registered-models/search',
      serverMax: REGISTERED_MODELS_MAX_RESULTS,
      schema: SearchRegisteredModelsResponseSchema,
      rows: (response) => ({
        items: response.registered_models,
        nextToken: response.next_page_token,
      }),
    },
    options,
  );
}

/** Searches registered models (prompts excluded), paged with a resumable cursor. */
export async function searchRegisteredModels(
  mlflow: MlflowContext,
  params: SearchRegisteredModelsParams,
  options: MlflowReadOptions = {},
): Promise<Page<MlflowRegisteredModel>> {
  return searchRegisteredModelRows(
    mlflow,
    {
      ...params,
      filter: excludePromptsFilter(params.filter),
      operation: 'search registered models',
      invalidInputHint:
        'Registered model filters use name and tags: "name LIKE \'%llama%\'", "tags.task = \'nlp\'" ' +
        '(strings in single quotes, AND only). Order by name, creation_timestamp or last_updated_timestamp.',
      map: (raw) => mapRegisteredModel(raw, shape(mlflow, options, true)),
    },
    options,
  );
}

/** One registered-models/get (model or prompt) with `notFoundHint` as the advice when missing. */
export async function fetchRegisteredModelRow(
  mlflow: MlflowContext,
  name: string,
  request: { operation: string; notFoundHint: string },
  options: CallOptions,
): Promise<MlflowRegisteredModelRaw> {
  const response = await withRegistryHints(
    mlflow.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/registered-models/get`,
      query: { name },
      signal: options.signal,
      schema: RegisteredModelResponseSchema,
      operation: request.operation,
    }),
    { not_found: request.notFoundHint },
  );
  return response.registered_model;
}

/** The raw registered model, with MLflow's not_found turned into advice. */
function fetchRegisteredModel(
  mlflow: MlflowContext,
  name: string,
  options: CallOptions,
): Promise<MlflowRegisteredModelRaw> {
  return fetchRegisteredModelRow(
    mlflow,
    name,
    {
      operation: 'get registered model',
      notFoundHint: `Names are exact and case-sensitive. ${LIST_MODELS}`,
    },
    options,
  );
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
