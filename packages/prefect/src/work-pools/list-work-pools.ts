import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { fitWholeList, wholeListSchema } from '../shared/whole-list.js';
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
  outputSchema: wholeListSchema(PrefectWorkPoolViewSchema),
  async handler(_input, { client, signal, maxResponseTokens }) {
    return fitWholeList(await client.listWorkPools({ signal }), maxResponseTokens);
  },
});
