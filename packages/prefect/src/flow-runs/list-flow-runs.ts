import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import {
  cursorInput,
  isoTimeInput,
  limitInput,
  stateNamesInput,
  stateTypesInput,
  tagsInput,
} from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseDeploymentSelector } from '../shared/ids.js';
import { compactFilterInput, PrefectRunFilterSchema } from '../shared/prefect-filters.js';
import { PrefectFlowRunViewSchema } from './flow-run.js';
import { FLOW_RUN_SORTS } from './flow-runs-api.js';

const names = (what?: string) => {
  const input = z.array(z.string().min(1).max(400)).min(1).max(50).optional();
  return what ? input.describe(what) : input;
};

/** prefect_list_flow_runs: flow runs by state, time, flow, deployment, pool or tag, paged. */
export const listFlowRunsTool = definePrefectTool({
  name: 'prefect_list_flow_runs',
  title: 'List Prefect flow runs',
  description:
    'Find Prefect flow runs by state, flow, deployment, pool, queue, tags or time, each with its state message.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flow-runs'],
  access: 'read',
  inputSchema: z.object({
    stateTypes: stateTypesInput,
    stateNames: stateNamesInput,
    flows: names('Ids or names.'),
    deployments: names('Ids or "<flow>/<deployment>" names.'),
    workPools: names(),
    workQueues: names(),
    tags: tagsInput,
    timeField: z
      .enum(['expected_start_time', 'start_time'])
      .default('expected_start_time')
      .describe('What since/until compare: due time or actual start.'),
    since: isoTimeInput(),
    until: isoTimeInput(),
    sort: z.enum(FLOW_RUN_SORTS).default('EXPECTED_START_TIME_DESC'),
    filter: compactFilterInput(PrefectRunFilterSchema),
    limit: limitInput(25, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PrefectFlowRunViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    let deploymentIds: string[] | undefined;
    if (input.deployments) {
      deploymentIds = await Promise.all(
        input.deployments.map(async (value) => {
          const selector = parseDeploymentSelector(value, 'deployments');
          return 'id' in selector
            ? selector.id
            : (await client.getDeployment(selector, { signal })).id;
        }),
      );
    }
    const page = await client.listFlowRuns({ ...input, deploymentIds }, { signal });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
