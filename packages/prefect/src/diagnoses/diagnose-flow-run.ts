import { z } from 'zod';
import { deploymentInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { diagnoseFlowRun } from './flow-run.js';
import { FlowRunDiagnosisSchema } from './flow-run-diagnosis-schema.js';
import { resolveFlowRun } from './resolve-run.js';

/** prefect_diagnose_flow_run: why one run failed, crashed, is late or looks stuck. */
export const diagnoseFlowRunTool = definePrefectTool({
  name: 'prefect_diagnose_flow_run',
  title: 'Diagnose a Prefect flow run',
  description:
    'Why a Prefect flow run failed, crashed, was cancelled or is stuck or late, with evidence and next steps; a flow or deployment alone means its latest failure.',
  namespace: 'prefect',
  toolsets: ['diagnoses'],
  access: 'read',
  inputSchema: z.object({
    flowRunId: z.string().trim().min(1).max(200).optional().describe('Flow run id or run name.'),
    flow: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Flow name: narrows a run name; alone, its latest failed run.'),
    deployment: deploymentInput.optional(),
  }),
  outputSchema: FlowRunDiagnosisSchema,
  async handler(input, { client, signal }) {
    const { id, note } = await resolveFlowRun(
      client,
      { flowRun: input.flowRunId, flow: input.flow, deployment: input.deployment },
      { signal },
    );
    const result = await diagnoseFlowRun(client, id, Date.now(), { signal });
    return note ? { ...result, selection: note } : result;
  },
});
