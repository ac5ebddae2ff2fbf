import { z } from 'zod';
import { flowRunIdInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseFlowRunId } from '../shared/ids.js';
import { PrefectFlowRunViewSchema } from './flow-run.js';

/** prefect_get_flow_run: one flow run with its state, message, timing and parameters. */
export const getFlowRunTool = definePrefectTool({
  name: 'prefect_get_flow_run',
  title: 'Get a Prefect flow run',
  description:
    'Get one Prefect flow run: state and message, timing, pool, queue, tags, parameters.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flow-runs'],
  access: 'read',
  inputSchema: z.object({ flowRunId: flowRunIdInput }),
  outputSchema: PrefectFlowRunViewSchema,
  async handler(input, { client, signal }) {
    const id = parseFlowRunId(input.flowRunId);
    return client.getFlowRun(id, { signal });
  },
});
