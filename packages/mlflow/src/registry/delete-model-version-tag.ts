import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { deleteModelVersionTag } from './model-version-writes-api.js';
import { modelNameInput, versionInput, writableTagKeyInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_delete_model_version_tag: remove one tag from a model version. */
export const deleteModelVersionTagTool = defineMlflowTool({
  name: 'mlflow_delete_model_version_tag',
  title: 'Delete a tag from an MLflow model version',
  description: 'Remove one tag from a model version.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, version: versionInput, key: writableTagKeyInput }),
  outputSchema: z.object({
    name: z.string(),
    version: z.string(),
    key: z.string(),
    deleted: z.literal(true),
  }),
  async handler(input, { client, signal }) {
    const ref = parseVersionRef(input);
    await deleteModelVersionTag(client, { ...ref, key: input.key }, { signal });
    return { ...ref, key: input.key, deleted: true as const };
  },
});
