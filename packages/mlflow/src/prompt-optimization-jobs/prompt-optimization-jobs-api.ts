import {
  type CallOptions,
  InvalidInputError,
  MlopsError,
  type RequestSpec,
  rehint,
  UnsupportedCapabilityError,
} from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API_V3, type MlflowContext } from '../shared/context.js';
import { toKeyValues } from '../shared/key-values.js';
import { requireTraceApi } from '../traces/traces-api.js';
import type { Optimizer } from './prompt-optimization-job-model.js';
import {
  type MlflowPromptOptimizationJob,
  PromptOptimizationJobResponseSchema,
  SearchPromptOptimizationJobsResponseSchema,
} from './prompt-optimization-jobs-api-types.js';

/**
 * MLflow 3.x prompt optimization jobs (`/api/3.0/mlflow/prompt-optimization/jobs`; handlers
 * `_create_prompt_optimization_job`, `_get_prompt_optimization_job`,
 * `_search_prompt_optimization_jobs`, `_cancel_prompt_optimization_job`,
 * `_delete_prompt_optimization_job`). The server runs each job in its job runner, which exists
 * only when it was started with MLFLOW_SERVER_ENABLE_JOB_EXECUTION=true.
 */

const API = `${MLFLOW_API_V3}/prompt-optimization/jobs`;

const NOT_FOUND_HINT =
  'Check the job id; mlflow_search_prompt_optimization_jobs lists the jobs of an experiment.';
const JOBS_DISABLED = /job execution feature is not enabled/i;

export interface CreatePromptOptimizationJobParams {
  experimentId: string;
  sourcePromptUri: string;
  optimizer: Optimizer;
  datasetId?: string | undefined;
  scorers: string[];
  optimizerConfig?: Record<string, unknown> | undefined;
  tags?: Record<string, string> | undefined;
}

/** One call to the jobs API: the trace API (MLflow 3) checked first, failures re-hinted. */
async function jobRequest<T>(
  mlflow: MlflowContext,
  spec: Omit<RequestSpec<T>, 'signal'>,
  options: CallOptions,
): Promise<T> {
  await requireTraceApi(mlflow, options);
  return withJobHints(mlflow.http.request({ ...spec, signal: options.signal }));
}

const jobPath = (jobId: string) => `${API}/${encodeURIComponent(jobId)}`;
const JobSchema = PromptOptimizationJobResponseSchema;

/** Submits a job; MLflow creates its run at once and queues the optimization. */
export async function createPromptOptimizationJob(
  mlflow: MlflowContext,
  params: CreatePromptOptimizationJobParams,
  options: CallOptions = {},
): Promise<MlflowPromptOptimizationJob> {
  const body = {
    experiment_id: params.experimentId,
    source_prompt_uri: params.sourcePromptUri,
    config: {
      optimizer_type: `OPTIMIZER_TYPE_${params.optimizer}`,
      dataset_id: params.datasetId,
      scorers: params.scorers,
      optimizer_config_json: params.optimizerConfig
        ? JSON.stringify(params.optimizerConfig)
        : undefined,
    },
    tags: params.tags ? toKeyValues(params.tags) : undefined,
  };
  const operation = 'create prompt optimization job';
  const response = await jobRequest(
    mlflow,
    { method: 'POST', path: API, body, schema: JobSchema, operation },
    options,
  );
  return response.job;
}

/** Fetches one job with its state and, once scored, its initial and final eval scores. */
export async function getPromptOptimizationJob(
  mlflow: MlflowContext,
  jobId: string,
  options: CallOptions = {},
): Promise<MlflowPromptOptimizationJob> {
  const operation = 'get prompt optimization job';
  const spec = { method: 'GET', path: jobPath(jobId), schema: JobSchema, operation } as const;
  return (await jobRequest(mlflow, spec, options)).job;
}

/** Every prompt optimization job of one experiment (MLflow does not page or filter them). */
export async function searchPromptOptimizationJobs(
  mlflow: MlflowContext,
  experimentId: string,
  options: CallOptions = {},
): Promise<MlflowPromptOptimizationJob[]> {
  const response = await jobRequest(
    mlflow,
    {
      method: 'POST',
      path: `${API}/search`,
      body: { experiment_id: experimentId },
      idempotent: true,
      schema: SearchPromptOptimizationJobsResponseSchema,
      operation: 'search prompt optimization jobs',
    },
    options,
  );
  return response.jobs;
}

/** Cancels a pending or running job; MLflow also marks its run KILLED. */
export async function cancelPromptOptimizationJob(
  mlflow: MlflowContext,
  jobId: string,
  options: CallOptions = {},
): Promise<MlflowPromptOptimizationJob> {
  const path = `${jobPath(jobId)}/cancel`;
  const operation = 'cancel prompt optimization job';
  const spec = { method: 'POST', path, body: {}, schema: JobSchema, operation } as const;
  return (await jobRequest(mlflow, spec, options)).job;
}

/** Deletes a job record and (soft-)deletes the run it logged to. */
export async function deletePromptOptimizationJob(
  mlflow: MlflowContext,
  jobId: string,
  options: CallOptions = {},
): Promise<void> {
  const operation = 'delete prompt optimization job';
  const schema = EmptyResponseSchema;
  await jobRequest(mlflow, { method: 'DELETE', path: jobPath(jobId), schema, operation }, options);
}

/** Validates a job id (a UUID) before it goes into a URL path. */
export function parseJobId(value: string, field = 'jobId'): string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid job id.`, {
      field,
      hint: NOT_FOUND_HINT,
    });
  }
  return trimmed;
}

/** Re-raises MLflow's errors with advice about optimization jobs. */
async function withJobHints<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!MlopsError.isInstance(error)) throw error;
    const options = { backend: error.backend, status: error.status, cause: error };
    // A server without a job runner answers with INTERNAL_ERROR (a 500) and this message.
    if (JOBS_DISABLED.test(error.message)) {
      throw new UnsupportedCapabilityError(
        'This MLflow server does not run jobs, so it cannot optimize prompts.',
        {
          ...options,
          hint: 'Restart the MLflow server with MLFLOW_SERVER_ENABLE_JOB_EXECUTION=true (and a database backend store).',
        },
      );
    }
    const finished = /already finalized/i.test(error.message);
    throw rehint(error, {
      not_found: NOT_FOUND_HINT,
      invalid_input: {
        hint: finished
          ? 'The job already ended; read its outcome with mlflow_get_prompt_optimization_job.'
          : 'Check the prompt URI (prompts:/<name>/<version>), experiment id and dataset id.',
        field: undefined,
      },
    });
  }
}
