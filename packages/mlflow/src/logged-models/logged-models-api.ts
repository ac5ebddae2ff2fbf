import {
  type CallOptions,
  InvalidInputError,
  MlopsError,
  type Page,
  UnsupportedCapabilityError,
} from '@mlops-mcp/core';
import { type RegistryHints, rehintRegistryError } from '../registry/registry-hints.js';
import { fetchResumablePage } from '../registry/registry-page.js';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
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

const API = `${MLFLOW_API}/logged-models`;

const LIST_MODELS =
  'mlflow_search_logged_models (with the experiment ids from mlflow_search_experiments) lists logged model ids.';

/** logged-models/search has no server cap (default 100); this bounds a resumed page. */
const SEARCH_MAX_RESULTS = 5000;

const modelPath = (modelId: string) => `${API}/${encodeURIComponent(modelId)}`;

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

const toKeyValues = (map: Record<string, string> | undefined) =>
  map && Object.keys(map).length > 0
    ? Object.entries(map).map(([key, value]) => ({ key, value }))
    : undefined;

const shape = (mlflow: MlflowContext, options: MlflowReadOptions) => ({
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
      const response = await call(
        mlflow,
        mlflow.http.request({
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
          signal: options.signal,
          schema: SearchLoggedModelsResponseSchema,
          operation: 'search logged models',
        }),
        {
          not_found: 'Check the experiment ids with mlflow_search_experiments.',
          invalid_input:
            "Logged model filters: name, model_id, model_type, status ('READY', 'PENDING', 'FAILED'), " +
            'source_run_id, creation_time, metrics.<key>, params.<key>, tags.<key>; e.g. "metrics.accuracy > 0.9 AND status = \'READY\'". ' +
            'Order by attributes or metrics.<key>.',
        },
        options,
      );
      return { items: response.models, nextToken: response.next_page_token };
    },
    map: (raw) => mapLoggedModel(raw, shape(mlflow, options)),
  });
}

async function fetchLoggedModel(
  mlflow: MlflowContext,
  modelId: string,
  options: CallOptions,
): Promise<MlflowLoggedModelRaw> {
  const response = await call(
    mlflow,
    mlflow.http.request({
      method: 'GET',
      path: modelPath(modelId),
      signal: options.signal,
      schema: LoggedModelResponseSchema,
      operation: 'get logged model',
    }),
    { not_found: LIST_MODELS },
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

export interface CreateLoggedModelParams {
  experimentId: string;
  name?: string | undefined;
  modelType?: string | undefined;
  sourceRunId?: string | undefined;
  params?: Record<string, string> | undefined;
  tags?: Record<string, string> | undefined;
}

/** Creates a logged model in PENDING state (finalize it once its files are uploaded). */
export async function createLoggedModel(
  mlflow: MlflowContext,
  params: CreateLoggedModelParams,
  options: CallOptions = {},
): Promise<MlflowLoggedModel> {
  const response = await call(
    mlflow,
    mlflow.http.request({
      method: 'POST',
      path: API,
      body: {
        experiment_id: params.experimentId,
        name: params.name,
        model_type: params.modelType,
        source_run_id: params.sourceRunId,
        params: toKeyValues(params.params),
        tags: toKeyValues(params.tags),
      },
      signal: options.signal,
      schema: LoggedModelResponseSchema,
      operation: 'create logged model',
    }),
    {
      not_found:
        'Check the experiment id (mlflow_search_experiments) and source run id (mlflow_search_runs).',
    },
    options,
  );
  return mapLoggedModel(response.model, shape(mlflow, {}));
}

/** The statuses a logged model can be finalized to, by their proto enum names. */
const FINAL_STATUS = { READY: 'LOGGED_MODEL_READY', FAILED: 'LOGGED_MODEL_UPLOAD_FAILED' } as const;

/** Sets a logged model's final status: READY once its files are complete, or FAILED. */
export async function finalizeLoggedModel(
  mlflow: MlflowContext,
  params: { modelId: string; status: keyof typeof FINAL_STATUS },
  options: CallOptions = {},
): Promise<MlflowLoggedModel> {
  const response = await call(
    mlflow,
    mlflow.http.request({
      method: 'PATCH',
      path: modelPath(params.modelId),
      // handlers._finalize_logged_model requires model_id in the body as well as the path.
      body: { model_id: params.modelId, status: FINAL_STATUS[params.status] },
      signal: options.signal,
      schema: LoggedModelResponseSchema,
      operation: 'finalize logged model',
    }),
    { not_found: LIST_MODELS },
    options,
  );
  return mapLoggedModel(response.model, shape(mlflow, {}));
}

/** Soft-deletes a logged model (searches and gets stop showing it; repeat calls succeed). */
export async function deleteLoggedModel(
  mlflow: MlflowContext,
  modelId: string,
  options: CallOptions = {},
): Promise<void> {
  await call(
    mlflow,
    mlflow.http.request({
      method: 'DELETE',
      path: modelPath(modelId),
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete logged model',
    }),
    { not_found: LIST_MODELS },
    options,
  );
}

/** What logLoggedModelParams did: keys newly logged, and keys already set to the same value. */
export interface LoggedParamsResult {
  logged: string[];
  unchanged: string[];
}

/**
 * Logs params on a logged model. MLflow's params are write-once and a second value for a key
 * fails with a raw SQL IntegrityError (BAD_REQUEST); so params are compared first: identical
 * ones are skipped (making the call idempotent), changed ones refused with a clear message.
 */
export async function logLoggedModelParams(
  mlflow: MlflowContext,
  params: { modelId: string; params: Record<string, string> },
  options: CallOptions = {},
): Promise<LoggedParamsResult> {
  const current = await fetchLoggedModel(mlflow, params.modelId, options);
  const existing = new Map(current.data.params.map((p) => [p.key, p.value]));
  const result: LoggedParamsResult = { logged: [], unchanged: [] };
  const conflicts: string[] = [];
  for (const [key, value] of Object.entries(params.params)) {
    const old = existing.get(key);
    if (old === undefined) result.logged.push(key);
    else if (old === value) result.unchanged.push(key);
    else conflicts.push(`${key} (is '${old.slice(0, 100)}')`);
  }
  if (conflicts.length > 0) {
    throw new InvalidInputError(
      `Logged model params cannot be changed once logged: ${conflicts.join(', ')}.`,
      {
        field: 'params',
        hint: 'Use a new param key, a tag (mlflow_set_logged_model_tags), or a new logged model.',
      },
    );
  }
  if (result.logged.length === 0) return result;
  await call(
    mlflow,
    mlflow.http.request({
      method: 'POST',
      path: `${modelPath(params.modelId)}/params`,
      // handlers._log_logged_model_params requires model_id in the body as well as the path.
      body: {
        model_id: params.modelId,
        params: result.logged.map((key) => ({ key, value: params.params[key] })),
      },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'log logged model params',
    }),
    { not_found: LIST_MODELS },
    options,
  );
  return result;
}

/** Sets (or overwrites) tags on a logged model. */
export async function setLoggedModelTags(
  mlflow: MlflowContext,
  params: { modelId: string; tags: Record<string, string> },
  options: CallOptions = {},
): Promise<void> {
  await call(
    mlflow,
    mlflow.http.request({
      method: 'PATCH',
      path: `${modelPath(params.modelId)}/tags`,
      body: { tags: toKeyValues(params.tags) ?? [] },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'set logged model tags',
    }),
    { not_found: LIST_MODELS },
    options,
  );
}

/** Deletes one tag of a logged model; an unset key is not_found (unlike registry tags). */
export async function deleteLoggedModelTag(
  mlflow: MlflowContext,
  params: { modelId: string; key: string },
  options: CallOptions = {},
): Promise<void> {
  await call(
    mlflow,
    mlflow.http.request({
      method: 'DELETE',
      path: `${modelPath(params.modelId)}/tags/${encodeURIComponent(params.key)}`,
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete logged model tag',
    }),
    {
      not_found: `The model or the tag key does not exist; mlflow_get_logged_model shows its tags. ${LIST_MODELS}`,
    },
    options,
  );
}
