import { InvalidInputError, parseEntityUri } from '@mlops-mcp/core';
import { z } from 'zod';

/** Input fields and checks the summary tools share. */

export const experimentIdInput = z.string().min(1).max(200);

export const directionInput = z.enum(['asc', 'desc']).describe('asc = lowest is best.');

/** Accepts an experiment id or its ref URI; anything else is invalid_input naming `field`. */
export function toExperimentId(value: string, field: string): string {
  const trimmed = value.trim();
  const parsed = trimmed.includes('://') ? parseEntityUri(trimmed) : undefined;
  const id = parsed?.backend === 'mlflow' && parsed.kind === 'experiment' ? parsed.id : trimmed;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not an MLflow experiment id.`, {
      field,
      hint: 'Experiment ids are numbers such as "3"; find them with mlflow_search_experiments.',
    });
  }
  return id;
}

/**
 * The metric as an MLflow search column: backquoted, because keys like `train/loss` are not bare
 * identifiers. MLflow's grammar has no escape for a backquote inside one, so such keys are refused.
 */
export function metricColumn(key: string, field = 'metric'): string {
  if (key.includes('`')) {
    throw new InvalidInputError(`Metric keys containing a backquote cannot be searched: ${key}`, {
      field,
    });
  }
  return `metrics.\`${key}\``;
}
