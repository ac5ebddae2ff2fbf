import { z } from 'zod';
import { diagnoseFlowRun, FlowRunDiagnosisSchema } from '../diagnoses/flow-run.js';
import { parsePrefectId } from '../ids.js';
import { flowRunIdInput } from './common-inputs.js';
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
    'prefect_diagnose_late_runs). Returns verdict, causes with evidence, and next steps. Run ids come from ' +
    'prefect_list_flow_runs or prefect_get_overview.',
  namespace: 'prefect',
  toolsets: ['diagnoses'],
  access: 'read',
  inputSchema: z.object({ flowRunId: flowRunIdInput }),
  outputSchema: FlowRunDiagnosisSchema,
  async handler(input, { client, signal }) {
    const id = parsePrefectId(input.flowRunId, 'flow-run', 'flowRunId', 'prefect_list_flow_runs');
    return diagnoseFlowRun(client, id, Date.now(), { signal });
  },
});
