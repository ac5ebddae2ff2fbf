import { z } from 'zod';
import { writableTagKeyInput } from '../registry/registry-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { loggedModelIdInput } from './logged-model-inputs.js';
import { deleteLoggedModelTag } from './logged-model-writes-api.js';

/** mlflow_delete_logged_model_tag: remove one tag from a logged model. */
export const deleteLoggedModelTagTool = defineMlflowTool({
  name: 'mlflow_delete_logged_model_tag',
  title: 'Delete a tag from an MLflow logged model',
  description: 'Remove one tag from an MLflow 3 logged model (keys with "/" cannot be deleted).',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    modelId: loggedModelIdInput,
    // The route is /logged-models/<id>/tags/<tag_key>: Flask's default converter stops at '/'.
    key: writableTagKeyInput.refine(
      (key) => !key.includes('/'),
      "MLflow's delete-tag route cannot address keys containing '/'.",
    ),
  }),
  outputSchema: z.object({ modelId: z.string(), key: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    await deleteLoggedModelTag(client, input, { signal });
    return { modelId: input.modelId, key: input.key, deleted: true as const };
  },
});
