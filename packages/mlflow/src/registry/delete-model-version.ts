import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { deleteModelVersion } from './model-version-writes-api.js';
import { modelNameInput, versionInput } from './registry-inputs.js';
import { parseModelRef, resolveVersion } from './registry-refs.js';

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
    const parts = parseModelRef(input.name);
    const version = resolveVersion(parts, input.version);
    await deleteModelVersion(client, { name: parts.name, version }, { signal });
    return { name: parts.name, version, deleted: true as const };
  },
});
