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
import { fetchResumablePage } from './registry-page.js';

/** Registered model reads: search (prompts excluded) and get. */

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
