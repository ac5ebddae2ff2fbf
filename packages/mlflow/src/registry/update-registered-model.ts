import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowRegisteredModelSchema } from './registered-model-schema.js';
import { updateRegisteredModel } from './registered-model-writes-api.js';
import { descriptionInput, modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_update_registered_model: replace a model's description. */
export const updateRegisteredModelTool = defineMlflowTool({
  name: 'mlflow_update_registered_model',
  title: "Update an MLflow registered model's description",
  description: `Replace a registered model's description ("" clears it).`,
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, description: descriptionInput }),
  outputSchema: MlflowRegisteredModelSchema,
  async handler(input, { client, signal }) {
    return updateRegisteredModel(
      client,
      { name: parseModelRef(input.name).name, description: input.description },
      { signal },
    );
  },
});
