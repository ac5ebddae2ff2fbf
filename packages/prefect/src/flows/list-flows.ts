import { FlowSchema, fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, limitInput, nameLikeInput, tagsInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { compactFilterInput, PrefectRunFilterSchema } from '../shared/prefect-filters.js';

/** prefect_list_flows: flows by name or tag, paged. */
export const listFlowsTool = definePrefectTool({
  name: 'prefect_list_flows',
  title: 'List Prefect flows',
  description:
    'List Prefect flows by name or tags, or any Prefect filter (e.g. flows with FAILED runs).',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flows'],
  access: 'read',
  inputSchema: z.object({
    nameLike: nameLikeInput,
    tags: tagsInput,
    sort: z.enum(['NAME_ASC', 'NAME_DESC', 'CREATED_DESC', 'UPDATED_DESC']).default('NAME_ASC'),
    filter: compactFilterInput(PrefectRunFilterSchema.omit({ work_pool_queues: true })),
    limit: limitInput(50, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(FlowSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    return fitPageToBudget(await client.listFlows(input, { signal }), maxResponseTokens);
  },
});
