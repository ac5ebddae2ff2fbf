import { FlowRunStatusSchema, truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { mapStateType } from '../shared/map-state-type.js';
import type { PrefectTaskRun } from '../shared/prefect-api-types.js';

/** One task run of a flow run. */
export const PrefectTaskRunViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  flowRunId: z.string().optional(),
  taskKey: z.string().optional(),
  status: FlowRunStatusSchema,
  rawStatus: z.string(),
  stateName: z.string().optional(),
  stateMessage: z.string().optional(),
  runCount: z.number().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  totalRunTimeSeconds: z.number().optional(),
  tags: z.array(z.string()).optional(),
});
export type PrefectTaskRunView = z.infer<typeof PrefectTaskRunViewSchema>;

/** Maps a Prefect task run. */
export function mapTaskRun(raw: PrefectTaskRun): PrefectTaskRunView {
  const stateType = raw.state_type ?? raw.state?.type;
  const view: PrefectTaskRunView = {
    id: raw.id,
    name: raw.name,
    status: mapStateType(stateType),
    rawStatus: stateType ?? 'UNKNOWN',
  };
  if (raw.flow_run_id) view.flowRunId = raw.flow_run_id;
  if (raw.task_key) view.taskKey = raw.task_key;
  const stateName = raw.state_name ?? raw.state?.name;
  if (stateName) view.stateName = stateName;
  if (raw.state?.message) view.stateMessage = truncateText(raw.state.message, 2_000).text;
  if (raw.run_count !== undefined) view.runCount = raw.run_count;
  if (raw.start_time) view.startedAt = raw.start_time;
  if (raw.end_time) view.endedAt = raw.end_time;
  if (raw.total_run_time) view.totalRunTimeSeconds = raw.total_run_time;
  if (raw.tags.length) view.tags = raw.tags;
  return view;
}
