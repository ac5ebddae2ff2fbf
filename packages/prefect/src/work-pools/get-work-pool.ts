import { z } from 'zod';
import { workPoolNameInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { PrefectWorkPoolViewSchema } from './work-pool.js';

/** prefect_get_work_pool: one pool with workers, queues and slot usage. */
export const getWorkPoolTool = definePrefectTool({
  name: 'prefect_get_work_pool',
  title: 'Get a Prefect work pool',
  description: 'One Prefect work pool by name: status, workers, queues, concurrency use.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'work-pools'],
  access: 'read',
  inputSchema: z.object({ name: workPoolNameInput }),
  outputSchema: PrefectWorkPoolViewSchema,
  async handler(input, { client, signal }) {
    return client.getWorkPool(input.name, { signal });
  },
});
