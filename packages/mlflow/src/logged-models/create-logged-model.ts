import { z } from 'zod';
import { tagsMapInput } from '../registry/registry-inputs.js';
import { parseRunId } from '../runs/run-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { experimentIdInput } from './logged-model-inputs.js';
import { MlflowLoggedModelSchema } from './logged-model-schema.js';
import { createLoggedModel } from './logged-model-writes-api.js';

/** mlflow_create_logged_model: record a new MLflow 3 logged model (starts PENDING). */
export const createLoggedModelTool = defineMlflowTool({
  name: 'mlflow_create_logged_model',
  title: 'Create an MLflow logged model',
  description:
    'Create an MLflow 3 logged model (PENDING until finalized), optionally linked to its run.',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    name: z.string().min(1).max(250).optional(),
    modelType: z.string().min(1).max(100).optional(),
    sourceRunId: z.string().min(1).max(200).optional(),
    params: z.record(z.string().min(1).max(250), z.string().max(6000)).optional(),
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
