import { ExperimentSchema, makeRef } from '@mlops-mcp/core';
import { z } from 'zod';
import { createExperiment } from '../api/experiments.js';
import { defineMlflowTool } from './define.js';
import { experimentNameInput, experimentTagsInput } from './experiment-inputs.js';

/** mlflow_create_experiment: a new, empty experiment. Listed only when writes are enabled. */
export const createExperimentTool = defineMlflowTool({
  name: 'mlflow_create_experiment',
  title: 'Create an MLflow experiment',
  description:
    'Create a new MLflow experiment to hold runs, optionally with tags and an artifact location. Returns its id ' +
    '(for mlflow_create_run). Names are unique, also among deleted experiments: a taken name is an error that ' +
    'says which experiment holds it.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    name: experimentNameInput.describe(
      'Name of the new experiment (unique, at most 500 characters).',
    ),
    artifactLocation: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe(
        "Where runs' artifacts go, e.g. s3://bucket/path; omit to use the server's default artifact root.",
      ),
    tags: experimentTagsInput
      .optional()
      .describe('Tags to set, e.g. {"team": "nlp"} (at most 100).'),
  }),
  outputSchema: ExperimentSchema,
  async handler(input, { client, signal }) {
    const id = await createExperiment(client, input, { signal });
    return {
      ref: makeRef('mlflow', 'experiment', id, { url: `${client.baseUrl}/#/experiments/${id}` }),
      id,
      name: input.name,
      lifecycle: 'active' as const,
      ...(input.artifactLocation ? { artifactLocation: input.artifactLocation } : {}),
      ...(input.tags && Object.keys(input.tags).length > 0 ? { tags: input.tags } : {}),
    };
  },
});
