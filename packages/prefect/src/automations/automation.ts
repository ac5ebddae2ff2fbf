import { z } from 'zod';
import type { PrefectAutomation } from '../shared/prefect-api-types.js';

/** A trigger, with the fields that decide when it fires pulled to the top. */
export const PrefectTriggerViewSchema = z.object({
  type: z.string(),
  posture: z
    .string()
    .optional()
    .describe('Reactive (fires on events) or Proactive (fires on their absence)'),
  expect: z.array(z.string()).optional().describe('Event names that count'),
  after: z.array(z.string()).optional(),
  match: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Labels the event resource must match'),
  matchRelated: z.unknown().optional(),
  forEach: z.array(z.string()).optional(),
  threshold: z.number().optional(),
  withinSeconds: z.number().optional(),
  metric: z.unknown().optional(),
  require: z.unknown().optional().describe('Compound triggers: "any", "all" or a number'),
  triggers: z
    .array(z.unknown())
    .optional()
    .describe('Nested triggers of a compound or sequence trigger'),
});
export type PrefectTriggerView = z.infer<typeof PrefectTriggerViewSchema>;

/** An automation: trigger and actions. */
export const PrefectAutomationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  enabled: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  trigger: PrefectTriggerViewSchema,
  actions: z.array(z.record(z.string(), z.unknown())),
  actionsOnTrigger: z.array(z.record(z.string(), z.unknown())).optional(),
  actionsOnResolve: z.array(z.record(z.string(), z.unknown())).optional(),
  createdAt: z.string().optional(),
});
export type PrefectAutomationView = z.infer<typeof PrefectAutomationViewSchema>;

/** Maps a trigger of any type (event, metric, compound, sequence). */
export function mapTrigger(raw: Record<string, unknown>): PrefectTriggerView {
  const view: PrefectTriggerView = { type: typeof raw.type === 'string' ? raw.type : 'unknown' };
  const strings = (value: unknown) =>
    Array.isArray(value) && value.length
      ? value.filter((v): v is string => typeof v === 'string')
      : undefined;
  if (typeof raw.posture === 'string') view.posture = raw.posture;
  const expect = strings(raw.expect);
  if (expect) view.expect = expect;
  const after = strings(raw.after);
  if (after) view.after = after;
  if (isNonEmptyObject(raw.match)) view.match = raw.match;
  if (
    isNonEmptyObject(raw.match_related) ||
    (Array.isArray(raw.match_related) && raw.match_related.length)
  ) {
    view.matchRelated = raw.match_related;
  }
  const forEach = strings(raw.for_each);
  if (forEach) view.forEach = forEach;
  if (typeof raw.threshold === 'number') view.threshold = raw.threshold;
  if (typeof raw.within === 'number') view.withinSeconds = raw.within;
  if (raw.metric !== undefined && raw.metric !== null) view.metric = raw.metric;
  if (raw.require !== undefined && raw.require !== null) view.require = raw.require;
  if (Array.isArray(raw.triggers)) {
    view.triggers = raw.triggers.map((t) =>
      typeof t === 'object' && t !== null ? mapTrigger(t as Record<string, unknown>) : t,
    );
  }
  return view;
}

/** Maps an automation. */
export function mapAutomation(raw: PrefectAutomation): PrefectAutomationView {
  const view: PrefectAutomationView = {
    id: raw.id,
    name: raw.name,
    trigger: mapTrigger(raw.trigger),
    actions: raw.actions,
  };
  if (raw.description) view.description = raw.description;
  if (raw.enabled !== undefined) view.enabled = raw.enabled;
  if (raw.tags.length) view.tags = raw.tags;
  if (raw.actions_on_trigger.length) view.actionsOnTrigger = raw.actions_on_trigger;
  if (raw.actions_on_resolve.length) view.actionsOnResolve = raw.actions_on_resolve;
  if (raw.created) view.createdAt = raw.created;
  return view;
}

function isNonEmptyObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  );
}
