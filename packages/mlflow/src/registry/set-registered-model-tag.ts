import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { setRegisteredModelTag } from './registered-model-writes-api.js';
import { modelNameInput, tagValueInput, writableTagKeyInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_set_registered_model_tag: set one tag on a registered model. */
export const setRegisteredModelTagTool = defineMlflowTool({
  name: 'mlflow_set_registered_model_tag',
  title: 'Set a tag on an MLflow registered model',
  description: 'Set one tag on a registered model, overwriting that key.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, key: writableTagKeyInput, value: tagValueInput }),
  outputSchema: z.object({ name: z.string(), key: z.string(), value: z.string() }),
  async handler(input, { client, signal }) {
    const { name } = parseModelRef(input.name);
    await setRegisteredModelTag(client, { name, key: input.key, value: input.value }, { signal });
    return { name, key: input.key, value: input.value };
  },
});
