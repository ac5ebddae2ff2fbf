import { z } from 'zod';
import { BLOCKING_CAUSE_KINDS } from './blocking-causes.js';
import { type Cause, CauseSchema } from './cause.js';
import { FAILURE_CAUSE_KINDS } from './failure-patterns.js';
import { EventBriefSchema } from './related-events.js';
import { RunBriefSchema } from './run-brief.js';
import { STUCK_CAUSE_KINDS, StuckFactsSchema } from './stuck-run-facts.js';

/** The answer of prefect_diagnose_flow_run and the causes it names. */

/** Every cause a flow run diagnosis can name. */
export const FLOW_RUN_CAUSE_KINDS = [
  ...FAILURE_CAUSE_KINDS,
  ...STUCK_CAUSE_KINDS,
  ...BLOCKING_CAUSE_KINDS,
] as const;

/** The answer to "why did run X fail, crash or get stuck?". */
export const FlowRunDiagnosisSchema = z.object({
  run: RunBriefSchema.extend({
    stateMessage: z.string().optional(),
    stateAt: z.string().optional().describe('When it entered its current state'),
    startedAt: z.string().optional(),
    endedAt: z.string().optional(),
  }),
  selection: z
    .string()
    .optional()
    .describe('How the run was picked when only a flow or deployment was given'),
  verdict: z.string().describe('One sentence naming the cause'),
  causes: z
    .array(CauseSchema.extend({ kind: z.enum(FLOW_RUN_CAUSE_KINDS) }))
    .describe('Causes found, most decisive first, each with its evidence'),
  failedTaskRuns: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        stateType: z.string(),
        stateName: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .optional()
    .describe('FAILED or CRASHED task runs (up to 10)'),
  logTail: z
    .array(
      z.object({
        timestamp: z.string(),
        level: z.string(),
        message: z.string(),
        truncated: z.boolean().optional(),
        taskRun: z.string().optional(),
        folded: z
          .number()
          .optional()
          .describe('Near-identical lines (same exception) folded into this one'),
      }),
    )
    .optional()
    .describe(
      'The last WARNING, ERROR and CRITICAL log lines, newest first (up to 6); tracebacks cut keeping the exception line',
    ),
  relatedEvents: z
    .array(EventBriefSchema)
    .optional()
    .describe('Events about the run, newest first (up to 15)'),
  stuck: StuckFactsSchema.optional().describe('For PENDING, RUNNING and CANCELLING runs'),
  nextSteps: z.array(z.string()),
});
export type FlowRunDiagnosis = z.infer<typeof FlowRunDiagnosisSchema>;
type Kind = (typeof FLOW_RUN_CAUSE_KINDS)[number];
export type Finding = { cause: Cause & { kind: Kind }; nextStep: string };
