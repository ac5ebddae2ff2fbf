import { z } from 'zod';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';

/** A flow run as a diagnosis names it: enough to recognise and follow it. */
export const RunBriefSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().optional().describe('The run in the Prefect UI'),
  stateType: z.string(),
  stateName: z.string().optional(),
  deployment: z.string().optional().describe('"<flow>/<deployment>" when known, else its id'),
  workPool: z.string().optional(),
  workQueue: z.string().optional(),
  expectedStartAt: z.string().optional(),
  lateBySeconds: z
    .number()
    .optional()
    .describe('For a scheduled run: how long ago it was due to start'),
  tags: z.array(z.string()).optional(),
});
export type RunBrief = z.infer<typeof RunBriefSchema>;

/** When a SCHEDULED run is due: its scheduled time, else its expected start. */
export function dueAt(run: PrefectFlowRunView): string | undefined {
  return run.scheduledFor ?? run.expectedStartAt;
}

/** The brief of a run; `deploymentName` replaces the deployment id when known. */
export function runBrief(
  run: PrefectFlowRunView,
  now: number,
  deploymentName?: string | undefined,
): RunBrief {
  const brief: RunBrief = { id: run.id, name: run.name, stateType: run.rawStatus };
  if (run.ref.url) brief.url = run.ref.url;
  if (run.stateName) brief.stateName = run.stateName;
  const deployment = deploymentName ?? run.deploymentId;
  if (deployment) brief.deployment = deployment;
  if (run.workPool) brief.workPool = run.workPool;
  if (run.workQueue) brief.workQueue = run.workQueue;
  if (run.expectedStartAt) brief.expectedStartAt = run.expectedStartAt;
  const due = dueAt(run);
  if (run.rawStatus === 'SCHEDULED' && due) {
    const late = Math.round((now - Date.parse(due)) / 1000);
    if (late > 0) brief.lateBySeconds = late;
  }
  if (run.tags?.length) brief.tags = run.tags;
  return brief;
}
