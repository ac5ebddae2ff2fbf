import { z } from 'zod';
import { diagnoseFlowRun, FlowRunDiagnosisSchema } from '../diagnoses/flow-run.js';
import { resolveFlowRun } from '../diagnoses/resolve-run.js';
import { deploymentInput } from './common-inputs.js';
import { definePrefectTool } from './define.js';

/** prefect_diagnose_flow_run: why one run failed, crashed, is late or looks stuck. */
export const diagnoseFlowRunTool = definePrefectTool({
  name: 'prefect_diagnose_flow_run',
  title: 'Diagnose a Prefect flow run',
  description:
    'Answer "why did flow run X fail / crash / get stuck?" in one call. FAILED/CRASHED: failed task runs with ' +
    'their messages, the error log tail (tracebacks keep their exception line), related events, and the cause ' +
    'named (upstream HTTP 5xx, lost concurrency lease, timeout, out of memory, infrastructure crash, ' +
    'connection error, missing package, the exception raised). CANCELLED: by a user or an automation. ' +
    "PENDING/RUNNING: time in state vs the deployment's recent completed runs, whether the pool has an online " +
    'worker, the last log line, task runs waiting on a full tag limit. SCHEDULED/Late: what blocks it (see ' +
    'prefect_diagnose_late_runs). Returns verdict, causes with evidence, and next steps. Name the run by id or ' +
    'name; or give only flow / deployment to diagnose its latest failed run. An ambiguous name answers with the candidates.',
  namespace: 'prefect',
  toolsets: ['diagnoses'],
  access: 'read',
  inputSchema: z.object({
    flowRunId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Flow run id, prefect://flow-runs/<id>, or run name (e.g. "crimson-owl").'),
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
