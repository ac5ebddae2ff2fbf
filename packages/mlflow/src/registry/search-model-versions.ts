import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { searchModelVersions } from './model-versions-api.js';
import { registrySearchInput } from './registry-inputs.js';

/** mlflow_search_model_versions: versions of one model, or every version made from a run. */
export const searchModelVersionsTool = defineMlflowTool({
  name: 'mlflow_search_model_versions',
  title: 'Search MLflow model versions',
  description: `Find model versions, e.g. filter "name = 'my-model'" or "run_id = '<id>'" (aliases: mlflow_get_registered_model).`,
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: registrySearchInput('Default: newest first.'),
  outputSchema: pageSchema(MlflowModelVersionSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await searchModelVersions(client, input, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
