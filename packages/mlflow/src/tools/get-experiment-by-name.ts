import { ExperimentSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { getExperimentByName } from '../api/experiments.js';
import { includeSystemTagsInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';
import { experimentNameInput } from './experiment-inputs.js';

/** mlflow_get_experiment_by_name: one experiment by its exact name. */
export const getExperimentByNameTool = defineMlflowTool({
  name: 'mlflow_get_experiment_by_name',
  title: 'Get an MLflow experiment by name',
  description:
    'Look up one MLflow experiment by its exact, case-sensitive name (active or deleted) and get its id, ' +
    'lifecycle and tags. For partial names use mlflow_search_experiments with filter "name LIKE \'%part%\'".',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({
    name: experimentNameInput.describe('Exact experiment name, e.g. "llama-finetune".'),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: ExperimentSchema,
  async handler(input, { client, signal }) {
    return getExperimentByName(client, input.name, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});
