import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { deleteRegisteredModel } from './registered-model-writes-api.js';
import { modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_delete_registered_model: permanently delete a model and all its versions. */
export const deleteRegisteredModelTool = defineMlflowTool({
  name: 'mlflow_delete_registered_model',
  title: 'Delete an MLflow registered model',
  description:
    'Permanently delete a registered model with its versions, aliases and tags (runs stay).',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput }),
  outputSchema: z.object({ name: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const { name } = parseModelRef(input.name);
    await deleteRegisteredModel(client, name, { signal });
    return { name, deleted: true as const };
  },
});
