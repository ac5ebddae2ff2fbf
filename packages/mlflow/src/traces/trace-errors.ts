import { InvalidInputError, MlopsError, NotFoundError } from '@mlops-mcp/core';

/** Advice for the model, per error kind, replacing the run-centred defaults of mapMlflowError. */
export interface TraceHints {
  not_found?: string;
  invalid_input?: string;
}

export const TRACE_NOT_FOUND_HINT =
  'Check the trace id; mlflow_search_traces lists the traces of an experiment.';

export const TRACE_FILTER_HINT =
  "Trace filter syntax: trace.status = 'ERROR', tags.env = 'prod', trace.timestamp_ms > 1700000000000, " +
  "trace.name = 'my_chain', span.name = 'retrieve', feedback.correctness = 'false', " +
  "metadata.`mlflow.sourceRun` = '<run id>' (strings in single quotes, joined with AND).";

/** Awaits `promise`; an MlopsError of a kind in `hints` is re-raised with that hint instead. */
export async function withTraceHints<T>(promise: Promise<T>, hints: TraceHints): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw rehint(error, hints);
  }
}

function rehint(error: unknown, hints: TraceHints): unknown {
  if (!MlopsError.isInstance(error)) return error;
  const options = {
    backend: error.backend,
    status: error.status,
    field: error.field,
    cause: error,
  };
  if (error.kind === 'not_found' && hints.not_found) {
    return new NotFoundError(error.message, { ...options, hint: hints.not_found });
  }
  if (error.kind === 'invalid_input' && hints.invalid_input) {
    return new InvalidInputError(error.message, { ...options, hint: hints.invalid_input });
  }
  return error;
}

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
