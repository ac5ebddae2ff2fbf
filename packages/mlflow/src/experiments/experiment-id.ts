import { InvalidInputError, parseEntityUri } from '@mlops-mcp/core';

/**
 * Accepts a bare MLflow experiment id or an experiment URI from another tool
 * (`mlflow://experiments/<id>`) and returns the id. Anything else is an InvalidInputError
 * naming `field`.
 */
export function parseExperimentId(value: string, field = 'experimentId'): string {
  const trimmed = value.trim();
  if (trimmed.includes('://')) {
    const parsed = parseEntityUri(trimmed);
    if (parsed?.backend === 'mlflow' && parsed.kind === 'experiment') return parsed.id;
    throw new InvalidInputError(
      `"${trimmed.slice(0, 100)}" is not an MLflow experiment URI (mlflow://experiments/<id>).`,
      {
        field,
        hint: 'Pass an MLflow experiment id or the ref.uri of an MLflow experiment.',
      },
    );
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid MLflow experiment id.`, {
      field,
      hint: 'Experiment ids are numbers such as "12"; find them with mlflow_search_experiments or mlflow_get_experiment_by_name.',
    });
  }
  return trimmed;
}
