import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowRegisteredModelSchema } from './registered-model-schema.js';
import { searchRegisteredModels } from './registered-models-api.js';
import { registrySearchInput } from './registry-inputs.js';

/** mlflow_search_registered_models: find registered models by name or tag. */
export const searchRegisteredModelsTool = defineMlflowTool({
  name: 'mlflow_search_registered_models',
  title: 'Search MLflow registered models',
  description: `Find MLflow registered models, e.g. filter "name LIKE '%llama%'" (prompts excluded).`,
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: registrySearchInput('e.g. "last_updated_timestamp DESC"; default name.'),
  outputSchema: pageSchema(MlflowRegisteredModelSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await searchRegisteredModels(client, input, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
