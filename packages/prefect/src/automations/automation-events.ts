import type { CallOptions } from '@mlops-mcp/core';
import {
  eventNameMatches,
  type ResourceSpec,
  resourcesMatch,
  toSpecs,
} from '../diagnoses/event-match.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import type { PrefectTriggerView } from './automation.js';
import type { PrefectEventView } from './event.js';

/** Reading the events an automation's triggers watch (automation.ts compares them). */

/** The event triggers of a trigger tree, with where each sits; other types are kept to report. */
export function eventTriggers(
  trigger: PrefectTriggerView,
  path: string,
): { path: string; trigger: PrefectTriggerView }[] {
  if (trigger.triggers?.length) {
    return trigger.triggers.flatMap((t, i) =>
      typeof t === 'object' && t !== null && 'type' in t
        ? eventTriggers(t as PrefectTriggerView, `${path}.triggers[${i}]`)
        : [],
    );
  }
  return [{ path, trigger }];
}

export interface TriggerEvents {
  events: PrefectEventView[];
  truncated: boolean;
  /** When no expected event matched: events of other names on matching resources. */
  others?: PrefectEventView[] | undefined;
  /** Events named by `after` on matching resources, when the trigger has `after`. */
  after?: PrefectEventView[] | undefined;
}

/** Most events of other names read for comparison; only the counts and newest few are shown. */
const MAX_OTHER_EVENTS = 200;

/**
 * Reads the events an event trigger expects: exact names through the name filter, wildcard ones
 * through their prefix; with no usable name (no expect, a negated pattern) every event is read.
 */
export async function readTriggerEvents(
  client: PrefectAdapter,
  trigger: PrefectTriggerView,
  window: { since: string; until: string },
  maxEvents: number,
  options?: CallOptions,
): Promise<TriggerEvents> {
  const expect = trigger.expect ?? [];
  const readAll = expect.length === 0 || expect.some((p) => p.startsWith('!'));
  const names = readAll ? [] : expect.filter((p) => !p.includes('*'));
  const prefixes = readAll
    ? []
    : expect.filter((p) => p.includes('*')).map((p) => p.slice(0, p.indexOf('*')));
  const queries = readAll
    ? [{}]
    : [...(names.length ? [{ names }] : []), ...(prefixes.length ? [{ prefixes }] : [])];
  const pages = await Promise.all(
    queries.map((q) =>
      client.listEvents({ ...window, ...q, newestFirst: true, limit: maxEvents }, options),
    ),
  );
  const byId = new Map(pages.flatMap((p) => p.items).map((e) => [e.id, e]));
  const events = [...byId.values()].filter((e) => expects(expect, e.event));
  const matchedNone = !readAll && !events.some((e) => resourcesMatch(trigger, e));
  const [others, after] = await Promise.all([
    matchedNone ? readOtherEvents(client, trigger, window, options) : undefined,
    trigger.after?.length
      ? readNamed(client, trigger.after, window, maxEvents, options).then((list) =>
          list.filter((e) => resourcesMatch(trigger, e)),
        )
      : undefined,
  ]);
  return {
    events,
    truncated: pages.some((p) => p.nextCursor !== undefined),
    ...(others ? { others } : {}),
    ...(after ? { after } : {}),
  };
}

/** Events named by exact names or "*" patterns (read through their prefix). */
async function readNamed(
  client: PrefectAdapter,
  patterns: readonly string[],
  window: { since: string; until: string },
  limit: number,
  options?: CallOptions,
): Promise<PrefectEventView[]> {
  const positive = patterns.filter((p) => !p.startsWith('!'));
  const names = positive.filter((p) => !p.includes('*'));
  const prefixes = positive.filter((p) => p.includes('*')).map((p) => p.slice(0, p.indexOf('*')));
  const pages = await Promise.all(
    [...(names.length ? [{ names }] : []), ...(prefixes.length ? [{ prefixes }] : [])].map((q) =>
      client.listEvents({ ...window, ...q, newestFirst: true, limit }, options),
    ),
  );
  return pages
    .flatMap((p) => p.items)
    .filter((e) => positive.some((p) => eventNameMatches(p, e.event)));
}

/**
 * Events of the expected names' family (prefect.flow-run.* for prefect.flow-run.Crashed) that the
 * trigger does not expect, on resources that satisfy its match and match_related: what did
 * happen to the resources it watches.
 */
async function readOtherEvents(
  client: PrefectAdapter,
  trigger: PrefectTriggerView,
  window: { since: string; until: string },
  options?: CallOptions,
): Promise<PrefectEventView[]> {
  const expect = trigger.expect ?? [];
  const family = [
    ...new Set(
      expect.map((p) => {
        const cut = p.includes('*') ? p.indexOf('*') : p.lastIndexOf('.') + 1;
        return p.slice(0, cut);
      }),
    ),
  ].filter((prefix) => prefix.length > 0);
  const ids = toSpecs(trigger.match ?? {})
    .flatMap((spec) => spec['prefect.resource.id'] ?? [])
    .filter((id) => !id.includes('*') && !id.startsWith('!'));
  // The server narrows by a related resource too: on a busy workspace the newest events of the
  // family are mostly other flows', and reading them first would push the watched ones out.
  const related = serverRelatedSpec(trigger);
  const page = await client.listEvents(
    {
      ...window,
      ...(family.length ? { prefixes: family } : {}),
      ...(ids.length ? { resourceIds: ids } : {}),
      ...(related ? { relatedLabels: related } : {}),
      newestFirst: true,
      limit: MAX_OTHER_EVENTS,
    },
    options,
  );
  return page.items.filter((e) => !expects(expect, e.event) && resourcesMatch(trigger, e));
}

/**
 * A match_related spec the server's related.labels filter selects no less than Prefect's own
 * matching does (every spec must hold, so any one of them narrows safely): none with a negated
 * value, and no wildcard on the role (the server compares roles exactly). Undefined when none is.
 */
function serverRelatedSpec(trigger: PrefectTriggerView): ResourceSpec | undefined {
  return toSpecs(trigger.matchRelated ?? {}).find(
    (spec) =>
      Object.keys(spec).length > 0 &&
      Object.values(spec).every(
        (values) => values.length > 0 && !values.some((v) => v.startsWith('!')),
      ) &&
      !(spec['prefect.resource.role'] ?? []).some((role) => role.includes('*')),
  );
}

function expects(patterns: readonly string[], name: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) =>
    p.startsWith('!') ? !eventNameMatches(p.slice(1), name) : eventNameMatches(p, name),
  );
}
