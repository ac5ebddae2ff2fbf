import { z } from 'zod';
import { createLoggedModel } from '../api/logged-models.js';
import { MlflowLoggedModelSchema } from '../logged-model-schema.js';
import { parseRunId } from '../run-id.js';
import { defineMlflowTool } from './define.js';
import { experimentIdInput } from './logged-model-inputs.js';
import { tagsMapInput } from './registry-inputs.js';

/** mlflow_create_logged_model: record a new MLflow 3 logged model (starts PENDING). */
export const createLoggedModelTool = defineMlflowTool({
  name: 'mlflow_create_logged_model',
  title: 'Create an MLflow logged model',
  description:
    'Create an MLflow 3 logged model in an experiment (id from mlflow_search_experiments), optionally linked ' +
    'to the run that produced it (mlflow_search_runs), with params and tags. It starts PENDING: call ' +
    'mlflow_finalize_logged_model with READY once its files are uploaded. Returns the new id (m-…).',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    name: z
      .string()
      .min(1)
      .max(250)
      .optional()
      .describe('Model name; MLflow picks one if omitted.'),
    modelType: z.string().min(1).max(100).optional().describe('Free-form type, e.g. "agent".'),
    sourceRunId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Run that produced the model (id or mlflow://runs/<id>).'),
    params: z
      .record(z.string().min(1).max(250), z.string().max(6000))
      .optional()
      .describe('Params as a map; write-once.'),
    tags: tagsMapInput.optional(),
  }),
  outputSchema: MlflowLoggedModelSchema,
  async handler(input, { client, signal }) {
    return createLoggedModel(
      client,
      {
        ...input,
        sourceRunId:
          input.sourceRunId === undefined
            ? undefined
            : parseRunId(input.sourceRunId, 'sourceRunId'),
      },
      { signal },
    );
  },
});
