import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { deleteRegisteredModelAlias } from './registered-model-writes-api.js';
import { aliasInput, modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_delete_registered_model_alias: remove an alias from a model. */
export const deleteRegisteredModelAliasTool = defineMlflowTool({
  name: 'mlflow_delete_registered_model_alias',
  title: 'Delete an MLflow registered model alias',
  description: 'Remove an alias from a registered model (succeeds even if it did not exist).',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, alias: aliasInput }),
  outputSchema: z.object({ name: z.string(), alias: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const { name } = parseModelRef(input.name);
    await deleteRegisteredModelAlias(client, { name, alias: input.alias }, { signal });
    return { name, alias: input.alias, deleted: true as const };
  },
});
