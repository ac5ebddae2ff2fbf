import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { getModelVersionByAlias } from './model-versions-api.js';
import { aliasInput, modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_get_model_version_by_alias: resolve an alias such as "champion" to its version. */
export const getModelVersionByAliasTool = defineMlflowTool({
  name: 'mlflow_get_model_version_by_alias',
  title: 'Get the MLflow model version an alias points at',
  description: 'Resolve a registered model alias (e.g. "champion") to its model version.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    name: modelNameInput,
    alias: aliasInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    return getModelVersionByAlias(client, parseModelRef(input.name).name, input.alias, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});
