import { MlopsError, NotFoundError } from '@mlops-mcp/core';

export const TRACE_NOT_FOUND_HINT =
  'Check the trace id; mlflow_search_traces lists the traces of an experiment.';

export const TRACE_FILTER_HINT =
  "Trace filter syntax: trace.status = 'ERROR', tags.env = 'prod', trace.timestamp_ms > 1700000000000, " +
  "trace.name = 'my_chain', span.name = 'retrieve', feedback.correctness = 'false', " +
  "metadata.`mlflow.sourceRun` = '<run id>' (strings in single quotes, joined with AND).";

/**
 * MLflow's SQL store answers a tag write on an unknown trace with BAD_REQUEST carrying the raw
 * database error ("FOREIGN KEY constraint failed"); say what it means instead.
 */
export function unknownTraceFromForeignKey(error: unknown, traceId: string): unknown {
  if (MlopsError.isInstance(error) && error.kind === 'invalid_input') {
    if (/foreign key/i.test(error.message)) {
      return new NotFoundError(`MLflow: trace '${traceId}' does not exist.`, {
        backend: 'mlflow',
        status: error.status,
        hint: TRACE_NOT_FOUND_HINT,
        cause: error,
      });
    }
  }
  return error;
}
