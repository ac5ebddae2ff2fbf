import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { deleteRegisteredModelTag } from './registered-model-writes-api.js';
import { modelNameInput, writableTagKeyInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_delete_registered_model_tag: remove one tag from a registered model. */
export const deleteRegisteredModelTagTool = defineMlflowTool({
  name: 'mlflow_delete_registered_model_tag',
  title: 'Delete a tag from an MLflow registered model',
  description: 'Remove one tag from a registered model.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, key: writableTagKeyInput }),
  outputSchema: z.object({ name: z.string(), key: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const { name } = parseModelRef(input.name);
    await deleteRegisteredModelTag(client, { name, key: input.key }, { signal });
    return { name, key: input.key, deleted: true as const };
  },
});
