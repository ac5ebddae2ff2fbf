import { type CallOptions, InvalidInputError } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import type { MlflowContext } from '../shared/context.js';
import { toKeyValuesOrOmit } from '../shared/key-values.js';
import type { MlflowLoggedModel } from './logged-model-schema.js';
import { API, fetchLoggedModel, LIST_MODELS, modelPath, send, shape } from './logged-models-api.js';
import { LoggedModelResponseSchema } from './logged-models-api-types.js';
import { mapLoggedModel } from './map-logged-model.js';

/** Logged model writes (create, finalize, delete, params, tags): sent once, never retried. */

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
  const response = await send(
    mlflow,
    {
      method: 'POST',
      path: API,
      body: {
        experiment_id: params.experimentId,
        name: params.name,
        model_type: params.modelType,
        source_run_id: params.sourceRunId,
        params: toKeyValuesOrOmit(params.params),
        tags: toKeyValuesOrOmit(params.tags),
      },
      schema: LoggedModelResponseSchema,
      operation: 'create logged model',
    },
    options,
    {
      not_found:
        'Check the experiment id (mlflow_search_experiments) and source run id (mlflow_search_runs).',
    },
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
  const response = await send(
    mlflow,
    {
      method: 'PATCH',
      path: modelPath(params.modelId),
      // handlers._finalize_logged_model requires model_id in the body as well as the path.
      body: { model_id: params.modelId, status: FINAL_STATUS[params.status] },
      schema: LoggedModelResponseSchema,
      operation: 'finalize logged model',
    },
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
  await send(
    mlflow,
    {
      method: 'DELETE',
      path: modelPath(modelId),
      schema: EmptyResponseSchema,
      operation: 'delete logged model',
    },
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
  await send(
    mlflow,
    {
      method: 'POST',
      path: `${modelPath(params.modelId)}/params`,
      // handlers._log_logged_model_params requires model_id in the body as well as the path.
      body: {
        model_id: params.modelId,
        params: result.logged.map((key) => ({ key, value: params.params[key] })),
      },
      schema: EmptyResponseSchema,
      operation: 'log logged model params',
    },
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
  await send(
    mlflow,
    {
      method: 'PATCH',
      path: `${modelPath(params.modelId)}/tags`,
      body: { tags: toKeyValuesOrOmit(params.tags) ?? [] },
      schema: EmptyResponseSchema,
      operation: 'set logged model tags',
    },
    options,
  );
}

/** Deletes one tag of a logged model; an unset key is not_found (unlike registry tags). */
export async function deleteLoggedModelTag(
  mlflow: MlflowContext,
  params: { modelId: string; key: string },
  options: CallOptions = {},
): Promise<void> {
  await send(
    mlflow,
    {
      method: 'DELETE',
      path: `${modelPath(params.modelId)}/tags/${encodeURIComponent(params.key)}`,
      schema: EmptyResponseSchema,
      operation: 'delete logged model tag',
    },
    options,
    {
      not_found: `The model or the tag key does not exist; mlflow_get_logged_model shows its tags. ${LIST_MODELS}`,
    },
  );
}
