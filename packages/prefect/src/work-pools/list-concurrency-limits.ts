import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { fitWholeList, wholeListSchema } from '../shared/whole-list.js';
import { PrefectConcurrencyLimitViewSchema } from './concurrency-limit.js';

/** prefect_list_concurrency_limits: global, tag and deployment limits with slot usage. */
export const listConcurrencyLimitsTool = definePrefectTool({
  name: 'prefect_list_concurrency_limits',
  title: 'List Prefect concurrency limits',
  description:
    'List Prefect concurrency limits (global, tag, deployment) with active slots and who holds them.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'concurrency'],
  access: 'read',
  inputSchema: z.object({
    atCapacityOnly: z.boolean().default(false),
  }),
  outputSchema: wholeListSchema(PrefectConcurrencyLimitViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const limits = await client.listConcurrencyLimits({ signal });
    const kept = input.atCapacityOnly ? limits.filter((limit) => limit.atCapacity) : limits;
    return fitWholeList(kept, maxResponseTokens);
  },
});
