import { InvalidInputError, parseEntityUri } from '@mlops-mcp/core';

/** MLflow trace ids ("tr-<32 hex>", or "trace:/<location>/<id>" for v4 traces). */
const TRACE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,255}$/;
const ASSESSMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/**
 * Accepts a bare MLflow trace id or the trace URI another tool returned
 * (`mlflow://traces/<id>`) and returns the id. Anything else is an InvalidInputError on `field`.
 */
export function parseTraceId(value: string, field = 'traceId'): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('mlflow://') || /^[a-z]+:\/\/./.test(trimmed)) {
    const parsed = parseEntityUri(trimmed);
    if (parsed?.backend === 'mlflow' && parsed.kind === 'trace') return parsed.id;
    throw new InvalidInputError(
      `"${trimmed.slice(0, 100)}" is not an MLflow trace URI (mlflow://traces/<id>).`,
      { field, hint: 'Pass a trace id such as tr-… from mlflow_search_traces, or its ref.uri.' },
    );
  }
  if (!TRACE_ID.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid MLflow trace id.`, {
      field,
      hint: 'Trace ids look like tr-<32 hex chars>; find them with mlflow_search_traces.',
    });
  }
  return trimmed;
}

/** Validates an assessment id ("a-<32 hex>") before it goes into a URL path. */
export function parseAssessmentId(value: string, field = 'assessmentId'): string {
  const trimmed = value.trim();
  if (!ASSESSMENT_ID.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid assessment id.`, {
      field,
      hint: 'Assessment ids look like a-<32 hex chars>; mlflow_get_trace_info lists them.',
    });
  }
  return trimmed;
}
