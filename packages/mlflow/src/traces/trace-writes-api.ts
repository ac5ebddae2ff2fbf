import { type CallOptions, withHints } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import type { MlflowContext } from '../shared/context.js';
import { TRACE_NOT_FOUND_HINT, unknownTraceFromForeignKey } from './trace-errors.js';
import { requireTraceApi, V3 } from './traces-api.js';
import { DeleteTracesResponseSchema } from './traces-api-types.js';

/** Trace writes (tags, deletion): sent once, never retried. */

/** Sets (or overwrites) one tag on a trace. */
export async function setTraceTag(
  mlflow: MlflowContext,
  traceId: string,
  key: string,
  value: string,
  options: CallOptions = {},
): Promise<void> {
  await requireTraceApi(mlflow, options);
  try {
    await withHints(
      mlflow.http.request({
        method: 'PATCH',
        path: `${V3}/${encodeURIComponent(traceId)}/tags`,
        body: { key, value },
        signal: options.signal,
        schema: EmptyResponseSchema,
        operation: 'set trace tag',
      }),
      { not_found: TRACE_NOT_FOUND_HINT },
    );
  } catch (error) {
    throw unknownTraceFromForeignKey(error, traceId);
  }
}

/** Deletes one tag from a trace; a missing trace or tag is a NotFoundError. */
export async function deleteTraceTag(
  mlflow: MlflowContext,
  traceId: string,
  key: string,
  options: CallOptions = {},
): Promise<void> {
  await requireTraceApi(mlflow, options);
  await withHints(
    mlflow.http.request({
      method: 'DELETE',
      path: `${V3}/${encodeURIComponent(traceId)}/tags`,
      body: { key },
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete trace tag',
    }),
    { not_found: 'mlflow_get_trace_info shows the tags a trace has.' },
  );
}

/** What to delete: listed traces, or the oldest traces up to a time (optionally at most N). */
export type DeleteTracesParams =
  | { experimentId: string; traceIds: string[] }
  | { experimentId: string; maxTimestampMillis: number; maxTraces?: number | undefined };

/** Deletes traces of one experiment and returns how many MLflow deleted. */
export async function deleteTraces(
  mlflow: MlflowContext,
  params: DeleteTracesParams,
  options: CallOptions = {},
): Promise<number> {
  await requireTraceApi(mlflow, options);
  const body =
    'traceIds' in params
      ? { experiment_id: params.experimentId, request_ids: params.traceIds }
      : {
          experiment_id: params.experimentId,
          max_timestamp_millis: params.maxTimestampMillis,
          max_traces: params.maxTraces,
        };
  const response = await withHints(
    mlflow.http.request({
      method: 'POST',
      path: `${V3}/delete-traces`,
      body,
      signal: options.signal,
      schema: DeleteTracesResponseSchema,
      operation: 'delete traces',
    }),
    { not_found: 'Check the experiment id; mlflow_search_experiments lists them.' },
  );
  return response.traces_deleted;
}
