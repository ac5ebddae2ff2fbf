import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import {
  cursorInput,
  flowRunIdInput,
  limitInput,
  stateNamesInput,
  stateTypesInput,
} from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { existingFlowRunId } from './flow-runs-api.js';
import { PrefectTaskRunViewSchema } from './task-run.js';

/** prefect_list_task_runs: the task runs of one flow run, in start order. */
export const listTaskRunsTool = definePrefectTool({
  name: 'prefect_list_task_runs',
  title: 'List task runs of a Prefect flow run',
  description: 'List the task runs of one Prefect flow run in start order with state and message.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flow-runs'],
  access: 'read',
  inputSchema: z.object({
    flowRunId: flowRunIdInput,
    stateTypes: stateTypesInput,
    stateNames: stateNamesInput,
    limit: limitInput(50, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PrefectTaskRunViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const flowRunId = await existingFlowRunId(client, input, { signal });
    const page = await client.listTaskRuns({ ...input, flowRunId }, { signal });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
