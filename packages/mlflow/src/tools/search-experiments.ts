import { ExperimentSchema, fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, includeSystemTagsInput, limitInput, orderByInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';

/** mlflow_search_experiments: find experiments by name, tag or time. */
export const searchExperimentsTool = defineMlflowTool({
  name: 'mlflow_search_experiments',
  title: 'Search MLflow experiments',
  description:
    'Find MLflow experiments by name, tag or time. Use it first to get experiment ids for mlflow_search_runs. ' +
    'Filter examples: "name LIKE \'%llama%\'", "tags.team = \'nlp\'", "creation_time > 1700000000000".',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({
    filter: z
      .string()
      .max(1000)
      .optional()
      .describe('MLflow experiment filter expression; omit for all.'),
    orderBy: orderByInput,
    limit: limitInput(50, 1000),
    cursor: cursorInput,
    includeDeleted: z.boolean().default(false).describe('Also list deleted experiments.'),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(ExperimentSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await client.searchExperiments(input, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
