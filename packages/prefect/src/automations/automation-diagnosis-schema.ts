import { z } from 'zod';
import { type Cause, CauseSchema } from '../diagnoses/cause.js';

/** Why an automation fired or did not. */
export const AUTOMATION_CAUSE_KINDS = [
  'disabled',
  'fired',
  'action_failed',
  'expect_mismatch',
  'no_matching_events',
  'match_filters_out_events',
  'after_not_seen',
  'threshold_not_reached',
  'split_by_for_each',
  'expected_to_fire',
  'proactive_events_arriving',
  'not_evaluated',
] as const;
export type Kind = (typeof AUTOMATION_CAUSE_KINDS)[number];
export type Finding = { cause: Cause & { kind: Kind }; nextStep: string };

export const EventSeenSchema = z.object({
  occurred: z.string(),
  event: z.string(),
  resourceId: z.string().optional(),
  resourceName: z.string().optional(),
});

const TriggerCheckSchema = z.object({
  path: z.string().describe('"trigger", or e.g. "trigger.triggers[1]" for a nested trigger'),
  type: z.string(),
  posture: z.string().optional(),
  expect: z.array(z.string()).optional(),
  after: z.array(z.string()).optional(),
  match: z.record(z.string(), z.unknown()).optional(),
  matchRelated: z.unknown().optional(),
  forEach: z.array(z.string()).optional(),
  threshold: z.number().optional(),
  withinSeconds: z.number().optional(),
  events: z
    .object({
      read: z.number().describe('Events with an expected name read in the window'),
      truncated: z
        .boolean()
        .optional()
        .describe('More events exist than were read (maxEvents): counts are lower bounds'),
      matching: z
        .number()
        .describe('Of those, events whose resources satisfy match and match_related'),
      excludedByMatch: z.number(),
      excludedExamples: z
        .array(z.string())
        .describe('Resource ids of events excluded by match/match_related (up to 5)'),
      inLastWindow: z
        .number()
        .describe(
          'Matching events in the last `within` seconds (with for_each: the busiest resource)',
        ),
      maxInAnyWindow: z
        .number()
        .describe('Most matching events in any `within`-long window of the lookback'),
      beforeAutomationCreated: z
        .number()
        .describe('Matching events older than the automation, which Prefect never counted'),
      byEvent: z.array(z.object({ event: z.string(), count: z.number() })),
      byResource: z
        .array(z.object({ resourceId: z.string(), count: z.number() }))
        .describe('Top 10 resources of matching events'),
      latest: z.array(EventSeenSchema).describe('Newest matching events (up to 5)'),
    })
    .optional(),
  otherEvents: z
    .object({
      byEvent: z.array(z.object({ event: z.string(), count: z.number() })),
      latest: z.array(EventSeenSchema).describe('Up to 5, newest first'),
    })
    .optional()
    .describe(
      'When no expected event matched: events of other names on resources that satisfy match/match_related',
    ),
  conditionMet: z
    .boolean()
    .optional()
    .describe(
      'Reactive: the threshold was reached within a window; Proactive: fewer than threshold events arrived in the last window',
    ),
});
export type TriggerCheck = z.infer<typeof TriggerCheckSchema>;

/** The answer to "why didn't automation X fire?". */
export const AutomationDiagnosisSchema = z.object({
  automation: z.object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean().optional(),
    createdAt: z.string().optional(),
  }),
  window: z.object({ since: z.string(), until: z.string() }).describe('The lookback examined'),
  verdict: z.string().describe('One sentence: whether it fired and why (not)'),
  causes: z.array(CauseSchema.extend({ kind: z.enum(AUTOMATION_CAUSE_KINDS) })),
  checks: z.array(TriggerCheckSchema).describe('One per event trigger (nested ones included)'),
  firings: z.object({
    triggered: z.number().describe('prefect.automation.triggered events in the window'),
    lastTriggeredAt: z.string().optional(),
    resolved: z.number(),
    actionsExecuted: z.number(),
    actionFailures: z.array(z.object({ occurred: z.string(), reason: z.string().optional() })),
  }),
  nextSteps: z.array(z.string()),
});
export type AutomationDiagnosis = z.infer<typeof AutomationDiagnosisSchema>;
