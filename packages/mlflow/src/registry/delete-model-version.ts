import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { deleteModelVersion } from './model-version-writes-api.js';
import { modelNameInput, versionInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_delete_model_version: permanently delete one model version. */
export const deleteModelVersionTool = defineMlflowTool({
  name: 'mlflow_delete_model_version',
  title: 'Delete an MLflow model version',
  description: 'Permanently delete one model version and the aliases pointing at it.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, version: versionInput }),
  outputSchema: z.object({ name: z.string(), version: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const ref = parseVersionRef(input);
    await deleteModelVersion(client, ref, { signal });
    return { ...ref, deleted: true as const };
  },
});
