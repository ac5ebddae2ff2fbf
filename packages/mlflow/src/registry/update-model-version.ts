import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { updateModelVersion } from './model-version-writes-api.js';
import { descriptionInput, modelNameInput, versionInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_update_model_version: replace a version's description. */
export const updateModelVersionTool = defineMlflowTool({
  name: 'mlflow_update_model_version',
  title: "Update an MLflow model version's description",
  description: `Replace a model version's description ("" clears it).`,
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    name: modelNameInput,
    version: versionInput,
    description: descriptionInput,
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    const update = { ...parseVersionRef(input), description: input.description };
    return updateModelVersion(client, update, { signal });
  },
});
