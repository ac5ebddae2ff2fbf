import { z } from 'zod';

/** Input fields the scorer tools share, described once. */

export const scorerExperimentIdInput = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'Experiment the scorer is registered to: id (from mlflow_search_experiments) or its ref.uri.',
  );

export const scorerNameInput = z
  .string()
  .min(1)
  .max(256)
  .describe('Scorer name, case-sensitive (from mlflow_list_scorers), e.g. "relevance_to_query".');

export const scorerVersionInput = z
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .describe('Scorer version number (from mlflow_list_scorer_versions).');
