import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, flowRunIdInput, limitInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { existingFlowRunId } from './flow-runs-api.js';
import { LOG_LEVELS, PrefectLogLineSchema } from './log-line.js';

/** prefect_get_flow_run_logs: a flow run's logs, newest first, by minimum level. */
export const getFlowRunLogsTool = definePrefectTool({
  name: 'prefect_get_flow_run_logs',
  title: 'Get the logs of a Prefect flow run',
  description:
    "Logs of one Prefect flow run, newest first, so a failed run's traceback comes first.",
  namespace: 'prefect',
  toolsets: ['orchestration', 'flow-runs'],
  access: 'read',
  inputSchema: z.object({
    flowRunId: flowRunIdInput,
    taskRunId: z.string().uuid().optional().describe("Only this task run's logs."),
    minLevel: z
      .enum(Object.keys(LOG_LEVELS) as [keyof typeof LOG_LEVELS, ...(keyof typeof LOG_LEVELS)[]])
      .default('DEBUG'),
    order: z.enum(['newest_first', 'oldest_first']).default('newest_first'),
    maxMessageChars: z.number().int().min(100).max(20_000).default(4_000),
    limit: limitInput(100, 1000),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PrefectLogLineSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const flowRunId = await existingFlowRunId(client, input, { signal });
    const page = await client.getFlowRunLogs(
      {
        flowRunId,
        taskRunId: input.taskRunId,
        minLevel: input.minLevel === 'DEBUG' ? undefined : LOG_LEVELS[input.minLevel],
        newestFirst: input.order === 'newest_first',
        maxMessageChars: input.maxMessageChars,
        limit: input.limit,
        cursor: input.cursor,
      },
      { signal },
    );
    return fitPageToBudget(page, maxResponseTokens);
  },
});
