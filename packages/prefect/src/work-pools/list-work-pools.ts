import { fitPageToBudget } from '@mlops-mcp/core';
import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { PrefectWorkPoolViewSchema } from './work-pool.js';

/** prefect_list_work_pools: every pool with workers, queues and slot usage. */
export const listWorkPoolsTool = definePrefectTool({
  name: 'prefect_list_work_pools',
  title: 'List Prefect work pools',
  description:
    'List Prefect work pools with status (NOT_READY = no online worker), workers, queues and concurrency use.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'work-pools'],
  access: 'read',
  inputSchema: z.object({}),
  outputSchema: z.object({
    items: z.array(PrefectWorkPoolViewSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(_input, { client, signal, maxResponseTokens }) {
    const { items, truncated } = fitPageToBudget(
      { items: await client.listWorkPools({ signal }) },
      maxResponseTokens,
    );
    return { items, ...(truncated ? { truncated } : {}) };
  },
});
