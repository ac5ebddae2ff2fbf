import type { z } from 'zod';
import { specMatches, toSpecs } from '../diagnoses/event-match.js';
import { oneLine } from '../diagnoses/format.js';
import type { PrefectTriggerView } from './automation.js';
import type { EventSeenSchema, Finding } from './automation-diagnosis-schema.js';
import type { PrefectEventView } from './event.js';

/** How automation findings describe triggers and events in their evidence. */

/** The finding when a trigger's condition held but Prefect recorded no firing. */
export function expectedToFire(what: string, spec: string[], counts: string[]): Finding {
  return {
    cause: {
      kind: 'expected_to_fire',
      summary: `Its condition held (${what}), yet Prefect recorded no firing.`,
      evidence: [...spec, ...counts, 'no prefect.automation.triggered event in the window'],
    },
    nextStep:
      "Check that the server's triggers service runs (server.services.triggers.enabled) and the server logs around those events.",
  };
}

/** "prefect.resource.id=prefect.flow-run.*" for the trigger's match labels. */
export function describeMatch(trigger: PrefectTriggerView): string {
  return Object.entries(trigger.match ?? {})
    .map(([label, value]) => `${label}=${Array.isArray(value) ? value.join('|') : String(value)}`)
    .join(', ');
}

/** An event as a check lists it. */
export function eventSeen(e: PrefectEventView): z.infer<typeof EventSeenSchema> {
  const name = e.resource['prefect.resource.name'];
  return {
    occurred: e.occurred,
    event: e.event,
    ...(e.resourceId ? { resourceId: e.resourceId } : {}),
    ...(name ? { resourceName: name } : {}),
  };
}

/** "flow run crimson-owl (prefect.flow-run.<id>)", or the resource id alone. */
export function resourceText(e: PrefectEventView): string {
  const name = e.resource['prefect.resource.name'];
  const id = e.resourceId ?? e.resource['prefect.resource.id'] ?? '?';
  return name ? `${name} (${id})` : id;
}

/** Which of the trigger's match / match_related labels an event fails, with its actual values. */
export function labelMismatches(trigger: PrefectTriggerView, e: PrefectEventView): string[] {
  const out: string[] = [];
  for (const spec of toSpecs(trigger.match ?? {})) {
    for (const [label, wanted] of Object.entries(spec)) {
      if (specMatches({ [label]: wanted }, e.resource)) continue;
      const value = e.resource[label];
      out.push(
        `${label} is ${value === undefined ? 'absent' : `"${value}"`}, match wants ${wanted.join(' or ')}`,
      );
    }
  }
  const related = e.related ?? [];
  for (const spec of toSpecs(trigger.matchRelated ?? {})) {
    if (Object.keys(spec).length === 0 || related.some((r) => specMatches(spec, r))) continue;
    const role = spec['prefect.resource.role']?.[0];
    const same = role ? related.filter((r) => r['prefect.resource.role'] === role) : related;
    const wanted = Object.entries(spec)
      .filter(([label]) => label !== 'prefect.resource.role')
      .map(([label, values]) => `${label}=${values.join('|')}`)
      .join(', ');
    const shown = same
      .slice(0, 3)
      .map((r) => r['prefect.resource.name'] ?? r['prefect.resource.id'] ?? '?')
      .join(', ');
    out.push(
      `match_related wants a related ${role ?? 'resource'} with ${oneLine(wanted, 200)}${shown ? `; the event's related ${role ?? 'resources'}: ${shown}` : `; the event has no related ${role ?? 'resource'}`}`,
    );
  }
  return out.length ? out : ['its labels do not match'];
}
