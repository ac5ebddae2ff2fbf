import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowRegisteredModelSchema } from './registered-model-schema.js';
import { getRegisteredModel } from './registered-models-api.js';
import { modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_get_registered_model: one model with its alias map and latest versions. */
export const getRegisteredModelTool = defineMlflowTool({
  name: 'mlflow_get_registered_model',
  title: 'Get an MLflow registered model',
  description:
    'Get one registered model: description, tags, aliases map, latest version per stage.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({ name: modelNameInput, includeSystemTags: includeSystemTagsInput }),
  outputSchema: MlflowRegisteredModelSchema,
  async handler(input, { client, signal }) {
    return getRegisteredModel(client, parseModelRef(input.name).name, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});
