import { z } from 'zod';
import type { Cause } from './cause.js';

/** When a run counts as stuck, and the facts a stuck-run check reports. */

/** Why a PENDING, RUNNING or CANCELLING run may not be moving. */
export const STUCK_CAUSE_KINDS = [
  'task_waiting_on_tag_limit',
  'no_online_worker',
  'stuck_pending',
  'cancellation_not_acknowledged',
  'running_longer_than_usual',
  'no_recent_logs',
  'global_limit_full',
] as const;
export type StuckCauseKind = (typeof STUCK_CAUSE_KINDS)[number];

/** A RUNNING run silent for longer than this is suspicious. */
export const SILENT_LOG_SECONDS = 900;
/** Infrastructure normally starts a PENDING run within minutes. */
export const PENDING_STUCK_SECONDS = 600;
/** A worker acts on a cancellation within seconds of its next poll. */
export const CANCELLING_STUCK_SECONDS = 300;
/** Running more than this many times the longest recent completed run is unusual. */
export const LONGER_THAN_USUAL_FACTOR = 2;

/** The facts a stuck-run check gathered, whatever it concluded. */
export const StuckFactsSchema = z.object({
  timeInStateSeconds: z.number().optional(),
  typicalDuration: z
    .object({
      completedRuns: z.number(),
      medianSeconds: z.number(),
      maxSeconds: z.number(),
    })
    .optional()
    .describe("Durations of the deployment's latest completed runs (up to 20)"),
  lastLog: z
    .object({ timestamp: z.string(), level: z.string(), message: z.string() })
    .optional()
    .describe('The newest log line of the run'),
  workPool: z
    .object({
      name: z.string(),
      type: z.string().optional(),
      status: z.string().optional(),
      onlineWorkers: z.number(),
    })
    .optional(),
  waitingTaskRuns: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        stateName: z.string().optional(),
        tags: z.array(z.string()).optional(),
      }),
    )
    .optional()
    .describe('Task runs that have not started (PENDING or SCHEDULED), up to 50'),
});
export type StuckFacts = z.infer<typeof StuckFactsSchema>;

export interface StuckFinding {
  /** pool_missing is shared with the scheduled-run causes. */
  cause: Cause & { kind: StuckCauseKind | 'pool_missing' };
  nextStep: string;
}
