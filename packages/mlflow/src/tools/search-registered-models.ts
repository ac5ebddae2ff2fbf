import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { searchRegisteredModels } from '../api/registry.js';
import { MlflowRegisteredModelSchema } from '../registered-model-schema.js';
import { cursorInput, includeSystemTagsInput, limitInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';

/** mlflow_search_registered_models: find registered models by name or tag. */
export const searchRegisteredModelsTool = defineMlflowTool({
  name: 'mlflow_search_registered_models',
  title: 'Search MLflow registered models',
  description:
    'Find registered models in the MLflow model registry by name or tag, with their aliases and latest ' +
    'versions. Start here to get model names for the other registry tools. Prompts are excluded (as ' +
    'MlflowClient does); use mlflow_search_prompts for them. Filter examples: "name LIKE \'%llama%\'", ' +
    '"tags.task = \'text-generation\'" (AND only). Descriptions are cut to 300 chars here.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    filter: z
      .string()
      .max(1000)
      .optional()
      .describe('Registry filter on name and tags.<key>; strings in single quotes.'),
    orderBy: z
      .array(z.string().min(1).max(100))
      .max(5)
      .optional()
      .describe(
        'Sort clauses, e.g. ["name ASC"], ["last_updated_timestamp DESC"]. Default: name ascending.',
      ),
    limit: limitInput(25, 1000),
    cursor: cursorInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(MlflowRegisteredModelSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await searchRegisteredModels(client, input, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
