import { z } from 'zod';
import { flowRunIdInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseFlowRunId } from '../shared/ids.js';
import { PrefectFlowRunViewSchema } from './flow-run.js';
import { CancelOutcomeSchema } from './flow-run-writes-api.js';

const SUMMARY: Record<z.infer<typeof CancelOutcomeSchema>, string> = {
  cancelling: 'Cancellation requested: the run is CANCELLING until its worker stops it.',
  cancelled: 'The run is cancelled.',
  already_cancelled: 'The run was already cancelled; nothing changed.',
  already_final: 'The run had already finished; it cannot be cancelled and nothing changed.',
  refused: 'Prefect refused the cancellation; see reason.',
};

/** prefect_cancel_flow_run: request cancellation and report what Prefect did. */
export const cancelFlowRunTool = definePrefectTool({
  name: 'prefect_cancel_flow_run',
  title: 'Cancel a Prefect flow run',
  description:
    'Cancel a Prefect flow run and report what happened (cancelling, cancelled, already final or refused).',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flow-runs'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    flowRunId: flowRunIdInput,
    message: z.string().max(500).default('Cancelled through mlops-mcp.'),
  }),
  outputSchema: z.object({
    cancelled: z.boolean().describe('True when the run is now CANCELLING or CANCELLED'),
    outcome: CancelOutcomeSchema,
    summary: z.string(),
    orchestration: z
      .string()
      .describe(
        'Prefect orchestration answer: ACCEPT, REJECT, ABORT, WAIT, or NONE when not asked',
      ),
    reason: z.string().optional(),
    run: PrefectFlowRunViewSchema,
  }),
  async handler(input, { client, signal }) {
    const id = parseFlowRunId(input.flowRunId);
    const result = await client.cancelFlowRun(id, input.message, { signal });
    return {
      cancelled: ['cancelling', 'cancelled', 'already_cancelled'].includes(result.outcome),
      outcome: result.outcome,
      summary: SUMMARY[result.outcome],
      orchestration: result.orchestration,
      ...(result.reason ? { reason: result.reason } : {}),
      run: result.run,
    };
  },
});
