import { ExperimentSchema, fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import {
  cursorInput,
  includeSystemTagsInput,
  limitInput,
  orderByInput,
} from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';

/** mlflow_search_experiments: find experiments by name, tag or time. */
export const searchExperimentsTool = defineMlflowTool({
  name: 'mlflow_search_experiments',
  title: 'Search MLflow experiments',
  description: `Find MLflow experiments, e.g. filter "name LIKE '%llama%'" or "tags.team = 'nlp'".`,
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({
    filter: z.string().max(1000).optional(),
    orderBy: orderByInput,
    limit: limitInput(50, 1000),
    cursor: cursorInput,
    includeDeleted: z.boolean().default(false),
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
