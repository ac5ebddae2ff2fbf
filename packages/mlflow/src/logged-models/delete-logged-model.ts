import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { loggedModelIdInput } from './logged-model-inputs.js';
import { deleteLoggedModel } from './logged-model-writes-api.js';

/** mlflow_delete_logged_model: delete an MLflow 3 logged model. */
export const deleteLoggedModelTool = defineMlflowTool({
  name: 'mlflow_delete_logged_model',
  title: 'Delete an MLflow logged model',
  description: 'Delete an MLflow 3 logged model (no restore; registry versions stay).',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ modelId: loggedModelIdInput }),
  outputSchema: z.object({ modelId: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    await deleteLoggedModel(client, input.modelId, { signal });
    return { modelId: input.modelId, deleted: true as const };
  },
});
