import {
  type CallOptions,
  InvalidInputError,
  MlopsError,
  type Page,
  type RequestSpec,
  UnsupportedCapabilityError,
} from '@mlops-mcp/core';
import { type RegistryHints, rehintRegistryError } from '../registry/registry-hints.js';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
import { fetchResumablePage } from '../shared/resumable-page.js';
import {
  loggedModelStatusForm,
  parseLoggedModelOrderBy,
  translateLoggedModelFilter,
} from './logged-model-query.js';
import type { MlflowLoggedModel } from './logged-model-schema.js';
import {
  LoggedModelResponseSchema,
  type MlflowLoggedModelRaw,
  SearchLoggedModelsResponseSchema,
} from './logged-models-api-types.js';
import { mapLoggedModel } from './map-logged-model.js';

/**
 * MLflow 3 logged models (`api/2.0/mlflow/logged-models`, handlers._create_logged_model and
 * siblings): the model a run produced, with its own params, metrics, tags and status. Routes
 * carry the model id in the path; finalize and log-params also require it in the body.
 */

export const API = `${MLFLOW_API}/logged-models`;

export const LIST_MODELS =
  'mlflow_search_logged_models (with the experiment ids from mlflow_search_experiments) lists logged model ids.';

/** logged-models/search has no server cap (default 100); this bounds a resumed page. */
const SEARCH_MAX_RESULTS = 5000;

export const modelPath = (modelId: string) => `${API}/${encodeURIComponent(modelId)}`;

/**
 * Awaits a logged-model call, rewording failures. Before MLflow 3.0 these routes do not exist
 * and Flask answers a bare 404, which would read as "model not found": check the version then.
 */
async function call<T>(
  mlflow: MlflowContext,
  request: Promise<T>,
  hints: RegistryHints,
  options: CallOptions,
): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (MlopsError.isInstance(error) && error.kind === 'not_found') {
      const version = await mlflow.serverVersion(options).catch(() => undefined);
      const major = Number(version?.split('.')[0]);
      if (Number.isFinite(major) && major < 3) {
        throw new UnsupportedCapabilityError(
          `Logged models need MLflow 3; this server runs MLflow ${version}.`,
          { backend: 'mlflow', hint: 'Use runs and their artifacts (mlflow_search_runs) instead.' },
        );
      }
    }
    throw rehintRegistryError(error, hints);
  }
}

/** Sends one logged-model request through `call` (`hints` default: how to list model ids). */
export function send<T>(
  mlflow: MlflowContext,
  spec: Omit<RequestSpec<T>, 'signal'>,
  options: CallOptions,
  hints: RegistryHints = { not_found: LIST_MODELS },
): Promise<T> {
  return call(mlflow, mlflow.http.request({ ...spec, signal: options.signal }), hints, options);
}

export const shape = (mlflow: MlflowContext, options: MlflowReadOptions) => ({
  baseUrl: mlflow.baseUrl,
  includeSystemTags: options.includeSystemTags ?? false,
});

export interface SearchLoggedModelsParams {
  experimentIds: readonly string[];
  filter?: string | undefined;
  orderBy?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Searches logged models of some experiments; status names in the filter are translated. */
export async function searchLoggedModels(
  mlflow: MlflowContext,
  params: SearchLoggedModelsParams,
  options: MlflowReadOptions = {},
): Promise<Page<MlflowLoggedModel>> {
  if (params.experimentIds.length === 0) {
    throw new InvalidInputError('Searching logged models needs at least one experiment id.', {
      field: 'experimentIds',
      hint: 'Find experiment ids with mlflow_search_experiments.',
    });
  }
  const version = params.filter
    ? await mlflow.serverVersion(options).catch(() => undefined)
    : undefined;
  const filter = translateLoggedModelFilter(params.filter, loggedModelStatusForm(version));
  const orderBy = parseLoggedModelOrderBy(params.orderBy);
  return fetchResumablePage({
    cursor: params.cursor,
    limit: params.limit,
    serverMax: SEARCH_MAX_RESULTS,
    fetch: async (token, maxResults) => {
      const response = await send(
        mlflow,
        {
          method: 'POST',
          path: `${API}/search`,
          body: {
            experiment_ids: params.experimentIds,
            filter,
            order_by: orderBy,
            max_results: maxResults,
            page_token: token,
          },
          idempotent: true,
          schema: SearchLoggedModelsResponseSchema,
          operation: 'search logged models',
        },
        options,
        {
          not_found: 'Check the experiment ids with mlflow_search_experiments.',
          invalid_input:
            "Logged model filters: name, model_id, model_type, status ('READY', 'PENDING', 'FAILED'), " +
            'source_run_id, creation_time, metrics.<key>, params.<key>, tags.<key>; e.g. "metrics.accuracy > 0.9 AND status = \'READY\'". ' +
            'Order by attributes or metrics.<key>.',
        },
      );
      return { items: response.models, nextToken: response.next_page_token };
    },
    map: (raw) => mapLoggedModel(raw, shape(mlflow, options)),
  });
}

export async function fetchLoggedModel(
  mlflow: MlflowContext,
  modelId: string,
  options: CallOptions,
): Promise<MlflowLoggedModelRaw> {
  const response = await send(
    mlflow,
    {
      method: 'GET',
      path: modelPath(modelId),
      schema: LoggedModelResponseSchema,
      operation: 'get logged model',
    },
    options,
  );
  return response.model;
}

/** One logged model with its params, latest metrics, tags and registry versions. */
export async function getLoggedModel(
  mlflow: MlflowContext,
  modelId: string,
  options: MlflowReadOptions = {},
): Promise<MlflowLoggedModel> {
  return mapLoggedModel(await fetchLoggedModel(mlflow, modelId, options), shape(mlflow, options));
}
