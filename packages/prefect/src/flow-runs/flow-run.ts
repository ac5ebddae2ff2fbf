import { FlowRunSchema, makeRef, truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { mapStateType } from '../shared/map-state-type.js';
import type { PrefectFlowRun } from '../shared/prefect-api-types.js';

/** Longest state message kept; crash messages can embed whole tracebacks. */
const MAX_STATE_MESSAGE = 2_000;

/** A Prefect flow run: the neutral FlowRun plus the Prefect fields that explain its state. */
export const PrefectFlowRunViewSchema = FlowRunSchema.extend({
  workPool: z.string().optional(),
  workQueue: z.string().optional(),
  runCount: z.number().optional(),
  totalRunTimeSeconds: z.number().optional(),
  scheduledFor: z.string().optional().describe('ISO 8601; when a SCHEDULED run is due'),
  startDelaySeconds: z
    .number()
    .optional()
    .describe('How late the run started, or is now, relative to its expected start'),
  stateAt: z.string().optional().describe('ISO 8601; when it entered its current state'),
  parentTaskRunId: z.string().optional(),
});
export type PrefectFlowRunView = z.infer<typeof PrefectFlowRunViewSchema>;

/** Maps a Prefect flow run to the neutral view (status mapped, raw state type kept). */
export function mapFlowRun(raw: PrefectFlowRun, uiBase: string): PrefectFlowRunView {
  const stateType = raw.state_type ?? raw.state?.type;
  const run: PrefectFlowRunView = {
    ref: makeRef('prefect', 'flow-run', raw.id, { url: `${uiBase}/runs/flow-run/${raw.id}` }),
    id: raw.id,
    name: raw.name,
    flowId: raw.flow_id,
    status: mapStateType(stateType),
    rawStatus: stateType ?? 'UNKNOWN',
  };
  const stateName = raw.state_name ?? raw.state?.name;
  if (stateName) run.stateName = stateName;
  if (raw.state?.message)
    run.stateMessage = truncateText(raw.state.message, MAX_STATE_MESSAGE).text;
  if (raw.deployment_id) run.deploymentId = raw.deployment_id;
  if (raw.expected_start_time) run.expectedStartAt = raw.expected_start_time;
  if (raw.start_time) run.startedAt = raw.start_time;
  if (raw.end_time) run.endedAt = raw.end_time;
  if (raw.tags.length) run.tags = raw.tags;
  if (raw.parameters && Object.keys(raw.parameters).length) run.parameters = raw.parameters;
  if (raw.work_pool_name) run.workPool = raw.work_pool_name;
  if (raw.work_queue_name) run.workQueue = raw.work_queue_name;
  if (raw.run_count !== undefined) run.runCount = raw.run_count;
  if (raw.total_run_time) run.totalRunTimeSeconds = raw.total_run_time;
  const scheduledFor = raw.state?.state_details?.scheduled_time ?? raw.next_scheduled_start_time;
  if (stateType === 'SCHEDULED' && scheduledFor) run.scheduledFor = scheduledFor;
  if (raw.estimated_start_time_delta) run.startDelaySeconds = raw.estimated_start_time_delta;
  if (raw.state?.timestamp) run.stateAt = raw.state.timestamp;
  if (raw.parent_task_run_id) run.parentTaskRunId = raw.parent_task_run_id;
  return run;
}
