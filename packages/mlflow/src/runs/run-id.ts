import { InvalidInputError, parseEntityUri } from '@mlops-mcp/core';

/**
 * Accepts a bare MLflow run id or a run URI from another tool (`mlflow://runs/<id>`) and
 * returns the id. Anything else is an InvalidInputError naming `field`.
 */
export function parseRunId(value: string, field = 'runId'): string {
  const trimmed = value.trim();
  if (trimmed.includes('://')) {
    const parsed = parseEntityUri(trimmed);
    if (parsed?.backend === 'mlflow' && parsed.kind === 'run') return parsed.id;
    throw new InvalidInputError(
      `"${trimmed.slice(0, 100)}" is not an MLflow run URI (mlflow://runs/<id>).`,
      {
        field,
        hint: 'Pass an MLflow run id (32 hex characters) or the ref.uri of an MLflow run.',
      },
    );
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid MLflow run id.`, {
      field,
      hint: 'Run ids are 32 hex characters; find them with mlflow_search_runs.',
    });
  }
  return trimmed;
}
