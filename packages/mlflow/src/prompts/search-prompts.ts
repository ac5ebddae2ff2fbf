import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { PromptSummarySchema } from './prompt-schema.js';
import { searchPrompts } from './prompts-api.js';

/** mlflow_search_prompts: list prompts in MLflow's prompt registry. */
export const searchPromptsTool = defineMlflowTool({
  name: 'mlflow_search_prompts',
  title: 'Search MLflow prompts',
  description: `Find prompts in MLflow's prompt registry, e.g. filter "name LIKE '%summar%'".`,
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'read',
  inputSchema: z.object({
    filter: z.string().max(1000).optional(),
    orderBy: z.array(z.string().min(1).max(100)).max(5).optional().describe('Default: name.'),
    limit: limitInput(25, 1000),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PromptSummarySchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    return fitPageToBudget(await searchPrompts(client, input, { signal }), maxResponseTokens);
  },
});
