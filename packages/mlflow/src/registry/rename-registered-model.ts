import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowRegisteredModelSchema } from './registered-model-schema.js';
import { renameRegisteredModel } from './registered-model-writes-api.js';
import { modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_rename_registered_model: give a model a new name (versions and aliases follow). */
export const renameRegisteredModelTool = defineMlflowTool({
  name: 'mlflow_rename_registered_model',
  title: 'Rename an MLflow registered model',
  description: 'Rename a registered model; "models:/<old name>/…" URIs stop working.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: false,
  inputSchema: z.object({
    name: modelNameInput,
    newName: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[^/:]+$/, "Model names may not contain '/' or ':'."),
  }),
  outputSchema: MlflowRegisteredModelSchema,
  async handler(input, { client, signal }) {
    return renameRegisteredModel(
      client,
      { name: parseModelRef(input.name).name, newName: input.newName },
      { signal },
    );
  },
});
