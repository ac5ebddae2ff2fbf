import { FlowSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { parsePrefectId } from '../shared/ids.js';

/** prefect_get_flow: one flow by id. */
export const getFlowTool = definePrefectTool({
  name: 'prefect_get_flow',
  title: 'Get a Prefect flow',
  description: 'Get one Prefect flow by id.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flows'],
  access: 'read',
  inputSchema: z.object({
    flowId: z.string().min(1).max(200),
  }),
  outputSchema: FlowSchema,
  async handler(input, { client, signal }) {
    return client.getFlow(parsePrefectId(input.flowId, 'flow', 'flowId', 'prefect_list_flows'), {
      signal,
    });
  },
});
