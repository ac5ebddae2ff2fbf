import type { CallOptions, MetricValue, Run } from '@mlops-mcp/core';
import { type KindHints, withHints } from '@mlops-mcp/core';
import { EmptyResponseSchema, GetRunResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext, type MlflowReadOptions } from '../shared/context.js';
import { toKeyValues } from '../shared/key-values.js';
import { mapRun } from './map-run.js';
import {
  CreateRunResponseSchema,
  GetRunInputsResponseSchema,
  type MlflowDatasetInput,
  UpdateRunResponseSchema,
} from './runs-api-types.js';

/**
 * MLflow run write endpoints: create, update, delete, restore, log metrics / params / batches /
 * dataset inputs, delete tags. Each is sent once and never retried (a retried write could log a
 * metric point twice); reads of the result go through the adapter's getRun.
 */

/** MLflow's RunStatus enum. */
export const MLFLOW_RUN_STATUSES = [
  'RUNNING',
  'SCHEDULED',
  'FINISHED',
  'FAILED',
  'KILLED',
] as const;
export type MlflowRunStatus = (typeof MLFLOW_RUN_STATUSES)[number];

/** MLflow's documented caps on one runs/log-batch request. */
export const LOG_BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100, total: 1000 } as const;

const RUN_NOT_FOUND =
  'Check the run id; mlflow_search_runs (includeDeleted for deleted runs) or mlflow_find_runs_by_tag find runs.';
const RUN_MUST_BE_ACTIVE =
  'A deleted run cannot be changed: restore it with mlflow_restore_run first. Otherwise fix the key or value named in the message.';

/** A run as an update leaves it: info only, no params, metrics or tags. */
export type RunSummary = Omit<Run, 'params' | 'metrics' | 'tags'>;

export interface CreateRunParams {
  experimentId: string;
  runName?: string | undefined;
  /** Epoch milliseconds. */
  startTime: number;
  tags?: Record<string, string> | undefined;
}

/** Reads one run (params, metrics, tags; `mlflow.*` system tags only when asked). */
export async function getRun(
  client: MlflowContext,
  runId: string,
  options: MlflowReadOptions = {},
): Promise<Run> {
  const response = await client.http.request({
    method: 'GET',
    path: `${MLFLOW_API}/runs/get`,
    query: { run_id: runId },
    signal: options.signal,
    schema: GetRunResponseSchema,
    operation: 'get run',
  });
  return mapRun(response.run, {
    baseUrl: client.baseUrl,
    includeSystemTags: options.includeSystemTags ?? false,
  });
}

/** Creates a RUNNING run in an active experiment. */
export async function createRun(
  client: MlflowContext,
  params: CreateRunParams,
  options: CallOptions = {},
): Promise<Run> {
  const response = await withHints(
    client.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/runs/create`,
      body: {
        experiment_id: params.experimentId,
        run_name: params.runName,
        start_time: params.startTime,
        tags: params.tags ? toKeyValues(params.tags) : undefined,
      },
      signal: options.signal,
      schema: CreateRunResponseSchema,
      operation: 'create run',
    }),
    {
      not_found:
        'Check the experiment id; mlflow_search_experiments or mlflow_get_experiment_by_name find it.',
      invalid_input:
        'Runs can only be created in active experiments (restore a deleted one with mlflow_restore_experiment).',
    },
  );
  return mapRun(response.run, { baseUrl: client.baseUrl, includeSystemTags: false });
}

export interface UpdateRunParams {
  runId: string;
  status?: MlflowRunStatus | undefined;
  /** Epoch milliseconds. */
  endTime?: number | undefined;
  runName?: string | undefined;
}

/** Sets a run's status, end time and/or name; returns the run's info as MLflow then has it. */
export async function updateRun(
  client: MlflowContext,
  params: UpdateRunParams,
  options: CallOptions = {},
): Promise<RunSummary> {
  const response = await withHints(
    client.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/runs/update`,
      body: {
        run_id: params.runId,
        status: params.status,
        end_time: params.endTime,
        run_name: params.runName,
      },
      signal: options.signal,
      schema: UpdateRunResponseSchema,
      operation: 'update run',
    }),
    { not_found: RUN_NOT_FOUND, invalid_input: RUN_MUST_BE_ACTIVE },
  );
  const {
    params: _p,
    metrics: _m,
    tags: _t,
    ...summary
  } = mapRun(
    { info: response.run_info, data: { metrics: [], params: [], tags: [] } },
    { baseUrl: client.baseUrl, includeSystemTags: false },
  );
  return summary;
}

/** Marks a run deleted (soft: mlflow_restore_run brings it back until garbage collection). */
export async function deleteRun(
  client: MlflowContext,
  runId: string,
  options: CallOptions = {},
): Promise<void> {
  await postRun(client, 'delete', { run_id: runId }, 'delete run', options, {
    not_found: RUN_NOT_FOUND,
  });
}

/** Brings a deleted run back to active. */
export async function restoreRun(
  client: MlflowContext,
  runId: string,
  options: CallOptions = {},
): Promise<void> {
  await postRun(client, 'restore', { run_id: runId }, 'restore run', options, {
    not_found: RUN_NOT_FOUND,
  });
}

export interface MetricPoint {
  key: string;
  value: MetricValue;
  /** Epoch milliseconds. */
  timestamp: number;
  step: number;
}

/** Appends one point to a metric's history. */
export async function logMetric(
  client: MlflowContext,
  runId: string,
  point: MetricPoint,
  options: CallOptions = {},
): Promise<void> {
  await postRun(client, 'log-metric', { run_id: runId, ...point }, 'log metric', options, {
    not_found: RUN_NOT_FOUND,
    invalid_input: RUN_MUST_BE_ACTIVE,
  });
}

const PARAMS_ARE_IMMUTABLE =
  'Params are write-once: a key already logged with another value cannot change (log it under a new key, or use a tag, which can be overwritten). A deleted run must be restored with mlflow_restore_run first.';

/** Logs one param; logging the same value again is a no-op, a different value is refused. */
export async function logParam(
  client: MlflowContext,
  runId: string,
  key: string,
  value: string,
  options: CallOptions = {},
): Promise<void> {
  await postRun(client, 'log-parameter', { run_id: runId, key, value }, 'log param', options, {
    not_found: RUN_NOT_FOUND,
    invalid_input: PARAMS_ARE_IMMUTABLE,
  });
}

export interface LogBatchParams {
  metrics?: MetricPoint[] | undefined;
  params?: Record<string, string> | undefined;
  tags?: Record<string, string> | undefined;
}

/**
 * Logs metrics, params and tags in one request, within LOG_BATCH_LIMITS (the tool validates
 * them; MLflow refuses the whole batch otherwise).
 */
export async function logBatch(
  client: MlflowContext,
  runId: string,
  batch: LogBatchParams,
  options: CallOptions = {},
): Promise<void> {
  await postRun(
    client,
    'log-batch',
    {
      run_id: runId,
      metrics: batch.metrics ?? [],
      params: toKeyValues(batch.params ?? {}),
      tags: toKeyValues(batch.tags ?? {}),
    },
    'log batch',
    options,
    { not_found: RUN_NOT_FOUND, invalid_input: PARAMS_ARE_IMMUTABLE },
  );
}

/** Records datasets a run used (MLflow dedupes by dataset name + digest). */
export async function logInputs(
  client: MlflowContext,
  runId: string,
  datasets: MlflowDatasetInput[],
  options: CallOptions = {},
): Promise<void> {
  await postRun(client, 'log-inputs', { run_id: runId, datasets }, 'log inputs', options, {
    not_found: RUN_NOT_FOUND,
    invalid_input:
      'A deleted run must be restored with mlflow_restore_run first; otherwise shorten the field named in the message (digest ≤ 36, name ≤ 500 characters).',
  });
}

/** The datasets logged as a run's inputs (`runs/get` → `inputs.dataset_inputs`). */
export async function getRunDatasetInputs(
  client: MlflowContext,
  runId: string,
  options: CallOptions = {},
): Promise<MlflowDatasetInput[]> {
  const response = await withHints(
    client.http.request({
      method: 'GET',
      path: `${MLFLOW_API}/runs/get`,
      query: { run_id: runId },
      signal: options.signal,
      schema: GetRunInputsResponseSchema,
      operation: 'get run inputs',
    }),
    { not_found: RUN_NOT_FOUND },
  );
  return response.run.inputs.dataset_inputs;
}

/** Deletes one tag of an active run; a missing key is a NotFoundError. */
export async function deleteRunTag(
  client: MlflowContext,
  runId: string,
  key: string,
  options: CallOptions = {},
): Promise<void> {
  await postRun(client, 'delete-tag', { run_id: runId, key }, 'delete run tag', options, {
    not_found:
      'Either the run id or the tag key does not exist; mlflow_get_run lists the run and its tags.',
    invalid_input: RUN_MUST_BE_ACTIVE,
  });
}

/** POSTs one run write that answers `{}`; sent once (no `idempotent`), with better hints. */
async function postRun(
  client: MlflowContext,
  endpoint: string,
  body: Record<string, unknown>,
  operation: string,
  options: CallOptions,
  hints: KindHints,
): Promise<void> {
  await withHints(
    client.http.request({
      method: 'POST',
      path: `${MLFLOW_API}/runs/${endpoint}`,
      body,
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation,
    }),
    hints,
  );
}
