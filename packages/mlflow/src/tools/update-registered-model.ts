import { z } from 'zod';
import { updateRegisteredModel } from '../api/registry.js';
import { MlflowRegisteredModelSchema } from '../registered-model-schema.js';
import { parseModelRef } from '../registry-refs.js';
import { defineMlflowTool } from './define.js';
import { descriptionInput, modelNameInput } from './registry-inputs.js';

/** mlflow_update_registered_model: replace a model's description. */
export const updateRegisteredModelTool = defineMlflowTool({
  name: 'mlflow_update_registered_model',
  title: "Update an MLflow registered model's description",
  description:
    'Replace the description of a registered model (the old text is overwritten; pass "" to clear it). ' +
    'Names come from mlflow_search_registered_models; to rename use mlflow_rename_registered_model.',
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
