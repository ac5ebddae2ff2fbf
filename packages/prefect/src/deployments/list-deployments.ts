import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, limitInput, nameLikeInput, tagsInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { isUuid } from '../shared/ids.js';
import { compactFilterInput, PrefectRunFilterSchema } from '../shared/prefect-filters.js';
import { PrefectDeploymentViewSchema } from './deployment.js';

/** prefect_list_deployments: deployments by flow, pool, tag or paused state, paged. */
export const listDeploymentsTool = definePrefectTool({
  name: 'prefect_list_deployments',
  title: 'List Prefect deployments',
  description:
    'List Prefect deployments with flow, pool, queue, paused flag, status and concurrency limit.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'deployments'],
  access: 'read',
  inputSchema: z.object({
    flows: z.array(z.string().min(1).max(200)).min(1).max(50).optional().describe('Ids or names.'),
    nameLike: nameLikeInput,
    workPools: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(50)
      .optional()
      .describe('Work pool names.'),
    tags: tagsInput,
    paused: z.boolean().optional(),
    sort: z.enum(['NAME_ASC', 'NAME_DESC', 'CREATED_DESC', 'UPDATED_DESC']).default('NAME_ASC'),
    filter: compactFilterInput(PrefectRunFilterSchema),
    limit: limitInput(50, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PrefectDeploymentViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await client.listDeployments(
      {
        ...input,
        flowIds: input.flows?.filter(isUuid),
        flowNames: input.flows?.filter((flow) => !isUuid(flow)),
      },
      { signal },
    );
    return fitPageToBudget(page, maxResponseTokens);
  },
});
