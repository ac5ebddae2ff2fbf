import type { PrefectTriggerView } from '../automations/automation.js';
import type { PrefectEventView } from '../automations/event.js';

/**
 * Prefect's event matching, as its trigger service applies it (prefect/events/schemas/events.py
 * `matches`, ResourceSpecification; server/events/schemas/automations.py EventTrigger.covers).
 */

/** Labels and the values they must have; a list means any of them. */
export type ResourceSpec = Record<string, string[]>;

/** One expected value against a label value: "!x" negates, a trailing "*" matches a prefix. */
export function labelMatches(expected: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const negated = expected.startsWith('!');
  const pattern = negated ? expected.slice(1) : expected;
  const hit = pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
  return negated ? !hit : hit;
}

/** An event name against the trigger's expect/after patterns (a "*" stands for any text). */
export function eventNameMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const regex = pattern.split('*').map(escapeRegExp).join('.+');
  return new RegExp(`^${regex}$`).test(name);
}

/** A trigger's match or match_related value as specs; strings become one-value lists. */
export function toSpecs(value: unknown): ResourceSpec[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const spec: ResourceSpec = {};
    for (const [label, expected] of Object.entries(item)) {
      if (typeof expected === 'string') spec[label] = [expected];
      else if (Array.isArray(expected)) {
        spec[label] = expected.filter((v): v is string => typeof v === 'string');
      }
    }
    return [spec];
  });
}

/** True when every label of the spec matches (an empty spec matches any resource). */
export function specMatches(spec: ResourceSpec, resource: Record<string, string>): boolean {
  return Object.entries(spec).every(([label, expected]) =>
    expected.some((candidate) => labelMatches(candidate, resource[label])),
  );
}

/** Whether the event's resource and related resources satisfy the trigger's match and match_related. */
export function resourcesMatch(trigger: PrefectTriggerView, event: PrefectEventView): boolean {
  const match = toSpecs(trigger.match ?? {});
  if (!match.every((spec) => specMatches(spec, event.resource))) return false;
  const related = event.related ?? [];
  return toSpecs(trigger.matchRelated ?? {}).every(
    (spec) => Object.keys(spec).length === 0 || related.some((r) => specMatches(spec, r)),
  );
}

/**
 * The value of a for_each label for an event: "related:<role>:<label>" reads the first related
 * resource with that role, anything else the event's own resource (Event.find_resource_label).
 */
export function resourceLabel(event: PrefectEventView, label: string): string {
  const cut = label.lastIndexOf(':');
  const directive = cut >= 0 ? label.slice(0, cut) : '';
  const [kind, role] = directive.split(':');
  if (kind === 'related') {
    const labelName = label.slice(cut + 1);
    return event.related?.find((r) => r['prefect.resource.role'] === role)?.[labelName] ?? '';
  }
  return event.resource[label] ?? '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
