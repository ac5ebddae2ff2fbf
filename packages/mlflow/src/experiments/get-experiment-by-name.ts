import { ExperimentSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { experimentNameInput } from './experiment-inputs.js';
import { getExperimentByName } from './experiments-api.js';

/** mlflow_get_experiment_by_name: one experiment by its exact name. */
export const getExperimentByNameTool = defineMlflowTool({
  name: 'mlflow_get_experiment_by_name',
  title: 'Get an MLflow experiment by name',
  description: 'Get one MLflow experiment by its exact, case-sensitive name (also deleted ones).',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({
    name: experimentNameInput,
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
