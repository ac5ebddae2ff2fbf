import { fitPageToBudget } from '@mlops-mcp/core';
import { z } from 'zod';
import { limitInput, nameLikeInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { PrefectBlockViewSchema } from './variable-and-block.js';

/** prefect_list_blocks: block documents' metadata, never their values. */
export const listBlocksTool = definePrefectTool({
  name: 'prefect_list_blocks',
  title: 'List Prefect blocks',
  description: 'List Prefect block documents by name, type and id; values are never returned.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'config'],
  access: 'read',
  inputSchema: z.object({ nameLike: nameLikeInput, limit: limitInput(100, 200) }),
  outputSchema: z.object({
    items: z.array(PrefectBlockViewSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const blocks = await client.listBlocks(input, { signal });
    const { items, truncated } = fitPageToBudget({ items: blocks }, maxResponseTokens);
    return { items, ...(truncated ? { truncated } : {}) };
  },
});
