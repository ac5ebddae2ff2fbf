import { ExperimentSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseExperimentId } from './experiment-id.js';
import { experimentIdInput } from './experiment-inputs.js';

/** mlflow_get_experiment: one experiment by id or URI. */
export const getExperimentTool = defineMlflowTool({
  name: 'mlflow_get_experiment',
  title: 'Get an MLflow experiment',
  description: 'Get one MLflow experiment by id: name, lifecycle, artifact location, times, tags.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({
    experimentId: experimentIdInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: ExperimentSchema,
  async handler(input, { client, signal }) {
    return client.getExperiment(parseExperimentId(input.experimentId), {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});
