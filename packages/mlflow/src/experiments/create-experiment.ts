import { ExperimentSchema, makeRef } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { experimentNameInput, experimentTagsInput } from './experiment-inputs.js';
import { createExperiment } from './experiments-api.js';

/** mlflow_create_experiment: a new, empty experiment. Listed only when writes are enabled. */
export const createExperimentTool = defineMlflowTool({
  name: 'mlflow_create_experiment',
  title: 'Create an MLflow experiment',
  description: 'Create an MLflow experiment; names are unique, also among deleted experiments.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    name: experimentNameInput,
    artifactLocation: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe("e.g. s3://bucket/path; default the server's root."),
    tags: experimentTagsInput.optional(),
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
