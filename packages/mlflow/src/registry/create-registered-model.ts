import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowRegisteredModelSchema } from './registered-model-schema.js';
import { createRegisteredModel } from './registered-model-writes-api.js';
import { descriptionInput, tagsMapInput } from './registry-inputs.js';

/** mlflow_create_registered_model: add an empty registered model to the registry. */
export const createRegisteredModelTool = defineMlflowTool({
  name: 'mlflow_create_registered_model',
  title: 'Create an MLflow registered model',
  description: 'Create a registered model (no versions yet); names may not contain "/" or ":".',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    name: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[^/:]+$/, "Model names may not contain '/' or ':'."),
    description: descriptionInput.optional(),
    tags: tagsMapInput.optional(),
  }),
  outputSchema: MlflowRegisteredModelSchema,
  async handler(input, { client, signal }) {
    return createRegisteredModel(client, input, { signal });
  },
});
