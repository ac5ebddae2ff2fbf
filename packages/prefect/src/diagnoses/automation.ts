import { type CallOptions, NotFoundError } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectAutomationView, PrefectTriggerView } from '../automation.js';
import type { PrefectEventView } from '../event.js';
import { isUuid } from '../ids.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { type Cause, CauseSchema } from './cause.js';
import {
  eventNameMatches,
  resourceLabel,
  resourcesMatch,
  specMatches,
  toSpecs,
} from './event-match.js';
import { countBy, groupBy, maxInWindow } from './event-windows.js';
import { formatDuration, oneLine, plural, timeAndAge } from './format.js';

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
type Kind = (typeof AUTOMATION_CAUSE_KINDS)[number];
type Finding = { cause: Cause & { kind: Kind }; nextStep: string };

const EventSeenSchema = z.object({
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
type TriggerCheck = z.infer<typeof TriggerCheckSchema>;

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

/** Finds an automation by id, or by exact (then case-insensitive) name. */
export async function findAutomation(
  client: PrefectAdapter,
  idOrName: string,
  options?: CallOptions,
): Promise<PrefectAutomationView> {
  const wanted = idOrName.trim();
  if (isUuid(wanted)) return client.getAutomation(wanted.toLowerCase(), options);
  const all = await client.listAutomations(options);
  const found =
    all.find((a) => a.name === wanted) ??
    all.find((a) => a.name.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  throw new NotFoundError(`Prefect: no automation is named "${wanted.slice(0, 100)}".`, {
    backend: 'prefect',
    hint: all.length
      ? `Automations: ${all
          .slice(0, 10)
          .map((a) => a.name)
          .join(
            ', ',
          )}${all.length > 10 ? ', …' : ''}. Pass an id or exact name (prefect_list_automations).`
      : 'This workspace has no automations (prefect_list_automations).',
  });
}

/** Compares an automation's trigger with the events that actually happened, and its firings. */
export async function diagnoseAutomation(
  client: PrefectAdapter,
  query: { automation: string; lookbackHours: number; maxEvents: number; now: number },
  options?: CallOptions,
): Promise<AutomationDiagnosis> {
  const { now } = query;
  const automation = await findAutomation(client, query.automation, options);
  const triggers = eventTriggers(automation.trigger, 'trigger');
  const longest = Math.max(0, ...triggers.map((t) => t.trigger.withinSeconds ?? 0));
  const lookbackSeconds = Math.max(query.lookbackHours * 3600, 2 * longest);
  const window = {
    since: new Date(now - lookbackSeconds * 1000).toISOString(),
    until: new Date(now).toISOString(),
  };
  const [firingEvents, ...perTrigger] = await Promise.all([
    client.listEvents(
      {
        since: window.since,
        until: window.until,
        prefixes: ['prefect.automation.'],
        resourceIds: [`prefect.automation.${automation.id}`],
        limit: 200,
      },
      options,
    ),
    ...triggers.map((t) =>
      t.trigger.type === 'event'
        ? readTriggerEvents(client, t.trigger, window, query.maxEvents, options)
        : Promise.resolve(undefined),
    ),
  ]);

  const firings = summariseFirings(firingEvents.items);
  const findings: Finding[] = [];
  if (automation.enabled === false) {
    findings.push({
      cause: {
        kind: 'disabled',
        summary: `The automation is disabled, so it never fires.`,
        evidence: [`automation ${automation.name}: enabled false`],
      },
      nextStep: `Enable it: prefect automation resume "${automation.name}".`,
    });
  }
  if (firings.triggered > 0) {
    findings.push({
      cause: {
        kind: 'fired',
        summary: `It did fire: ${plural(firings.triggered, 'time')} in the last ${formatDuration(lookbackSeconds)}, last at ${firings.lastTriggeredAt}.`,
        evidence: firingEvents.items
          .filter((e) => e.event === 'prefect.automation.triggered')
          .slice(0, 5)
          .map((e) => `prefect.automation.triggered at ${e.occurred}`),
      },
      nextStep: 'If its effect is missing, check what its actions did (the action events below).',
    });
  }
  if (firings.actionFailures.length) {
    findings.push({
      cause: {
        kind: 'action_failed',
        summary: `${plural(firings.actionFailures.length, 'action')} failed when it fired: ${firings.actionFailures[0]?.reason ?? 'no reason given'}.`,
        evidence: firings.actionFailures
          .slice(0, 5)
          .map(
            (f) =>
              `prefect.automation.action.failed at ${f.occurred}${f.reason ? `: ${f.reason}` : ''}`,
          ),
      },
      nextStep:
        'Fix what the failure reason names (a deleted deployment, a missing block, bad credentials).',
    });
  }

  const createdAt = automation.createdAt ? Date.parse(automation.createdAt) : undefined;
  const checks: TriggerCheck[] = [];
  triggers.forEach(({ path, trigger }, i) => {
    const read = perTrigger[i];
    const { check, findings: own } = checkTrigger(path, trigger, read, {
      now,
      lookbackSeconds,
      createdAt,
      fired: firings.triggered > 0,
    });
    checks.push(check);
    findings.push(...own);
  });

  const label = `Automation ${automation.name}`;
  const why = findings.find((f) => f.cause.kind !== 'disabled' && f.cause.kind !== 'fired');
  let verdict: string;
  if (automation.enabled === false) {
    verdict = `${label} is disabled, so it never fires${why ? `; besides, ${lowerFirst(why.cause.summary)}` : '.'}`;
  } else if (firings.triggered > 0) {
    verdict = `${label} did fire ${plural(firings.triggered, 'time')} in the last ${formatDuration(lookbackSeconds)}, last at ${firings.lastTriggeredAt}${firings.actionFailures.length ? `, but ${plural(firings.actionFailures.length, 'action')} failed` : ''}.`;
  } else {
    verdict = `${label} did not fire: ${why ? lowerFirst(why.cause.summary) : 'no reason found in its trigger or events.'}`;
  }
  return {
    automation: {
      id: automation.id,
      name: automation.name,
      ...(automation.enabled !== undefined ? { enabled: automation.enabled } : {}),
      ...(automation.createdAt ? { createdAt: automation.createdAt } : {}),
    },
    window,
    verdict,
    causes: findings.map((f) => f.cause),
    checks,
    firings,
    nextSteps: [...new Set(findings.map((f) => f.nextStep))],
  };
}

/** The event triggers of a trigger tree, with where each sits; other types are kept to report. */
function eventTriggers(
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

interface TriggerEvents {
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
async function readTriggerEvents(
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
  const page = await client.listEvents(
    {
      ...window,
      ...(family.length ? { prefixes: family } : {}),
      ...(ids.length ? { resourceIds: ids } : {}),
      newestFirst: true,
      limit: MAX_OTHER_EVENTS,
    },
    options,
  );
  return page.items.filter((e) => !expects(expect, e.event) && resourcesMatch(trigger, e));
}

function expects(patterns: readonly string[], name: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) =>
    p.startsWith('!') ? !eventNameMatches(p.slice(1), name) : eventNameMatches(p, name),
  );
}

function checkTrigger(
  path: string,
  trigger: PrefectTriggerView,
  read: TriggerEvents | undefined,
  ctx: { now: number; lookbackSeconds: number; createdAt: number | undefined; fired: boolean },
): { check: TriggerCheck; findings: Finding[] } {
  const check: TriggerCheck = {
    path,
    type: trigger.type,
    ...(trigger.posture ? { posture: trigger.posture } : {}),
    ...(trigger.expect ? { expect: trigger.expect } : {}),
    ...(trigger.after ? { after: trigger.after } : {}),
    ...(trigger.match ? { match: trigger.match } : {}),
    ...(trigger.matchRelated !== undefined ? { matchRelated: trigger.matchRelated } : {}),
    ...(trigger.forEach ? { forEach: trigger.forEach } : {}),
    ...(trigger.threshold !== undefined ? { threshold: trigger.threshold } : {}),
    ...(trigger.withinSeconds !== undefined ? { withinSeconds: trigger.withinSeconds } : {}),
  };
  if (!read) {
    return {
      check,
      findings: [
        {
          cause: {
            kind: 'not_evaluated',
            summary: `Its ${trigger.type} trigger (${path}) is evaluated from data the API does not expose, so it was not checked.`,
            evidence: [`${path}: type ${trigger.type}`],
          },
          nextStep: "Check the trigger's metric or condition in the Prefect UI.",
        },
      ],
    };
  }
  const { now, lookbackSeconds } = ctx;
  const posture = trigger.posture ?? 'Reactive';
  const threshold = trigger.threshold ?? 1;
  const within = trigger.withinSeconds ?? 0;
  const withinText = formatDuration(within);
  const lookbackText = formatDuration(lookbackSeconds);
  const matching = read.events.filter((e) => resourcesMatch(trigger, e));
  const excluded = read.events.filter((e) => !matching.includes(e));
  const forEach = trigger.forEach ?? [];
  const buckets = [
    ...groupBy(matching, (e) => forEach.map((l) => resourceLabel(e, l)).join('\u0000')).values(),
  ];
  const times = (events: readonly PrefectEventView[]) =>
    events.map((e) => Date.parse(e.occurred)).sort((a, b) => a - b);
  const recent = matching.filter((e) => Date.parse(e.occurred) >= now - within * 1000);
  const inLastWindow = Math.max(
    0,
    ...buckets.map((b) => b.filter((e) => Date.parse(e.occurred) >= now - within * 1000).length),
  );
  const maxAny = Math.max(0, ...buckets.map((b) => maxInWindow(times(b), within * 1000)));
  const counted = (e: PrefectEventView) =>
    ctx.createdAt === undefined || Date.parse(e.occurred) >= ctx.createdAt;
  const maxAnyCounted = Math.max(
    0,
    ...buckets.map((b) => maxInWindow(times(b.filter(counted)), within * 1000)),
  );
  const before = matching.filter((e) => !counted(e)).length;
  check.events = {
    read: read.events.length,
    ...(read.truncated ? { truncated: true } : {}),
    matching: matching.length,
    excludedByMatch: excluded.length,
    excludedExamples: [...new Set(excluded.map((e) => e.resourceId ?? '?'))].slice(0, 5),
    inLastWindow,
    maxInAnyWindow: maxAny,
    beforeAutomationCreated: before,
    byEvent: countBy(matching, (e) => e.event, 20).map((c) => ({ event: c.key, count: c.count })),
    byResource: countBy(matching, (e) => e.resourceId ?? '?', 10).map((c) => ({
      resourceId: c.key,
      count: c.count,
    })),
    latest: matching.slice(0, 5).map(eventSeen),
  };
  const others = matching.length === 0 ? (read.others ?? []) : [];
  if (others.length) {
    check.otherEvents = {
      byEvent: countBy(others, (e) => e.event, 10).map((c) => ({ event: c.key, count: c.count })),
      latest: others.slice(0, 5).map(eventSeen),
    };
  }
  const immediate = posture === 'Reactive' && within === 0;
  const conditionMet =
    posture === 'Proactive'
      ? inLastWindow < threshold
      : immediate
        ? matching.filter(counted).length > 0
        : maxAnyCounted >= threshold;
  check.conditionMet = conditionMet;

  const expectText = trigger.expect?.length ? trigger.expect.join(' or ') : 'any';
  const matchText = describeMatch(trigger);
  const need = `its ${posture} trigger${path === 'trigger' ? '' : ` ${path}`} needs ${threshold} ${expectText} ${threshold === 1 ? 'event' : 'events'}${matchText ? ` matching ${matchText}` : ''}${within ? ` within ${withinText}` : ''}`;
  const recentNames = countBy(recent, (e) => e.event, 3)
    .map((c) => (recent.length === c.count ? c.key : `${c.count} ${c.key}`))
    .join(', ');
  const specEvidence = [
    `${path}: posture ${posture}, expect ${expectText}, threshold ${threshold}, within ${within} s${forEach.length ? `, for_each ${forEach.join(', ')}` : ''}`,
    ...(matchText ? [`match: ${matchText}`] : []),
  ];
  const countEvidence = [
    `${plural(matching.length, 'matching event')} in the last ${lookbackText}; ${inLastWindow} in the last ${withinText}; at most ${maxAny} in any ${withinText} window`,
    ...check.events.byEvent.map((c) => `${c.count} × ${c.event}`),
    ...check.events.latest
      .slice(0, 3)
      .map((e) => `latest: ${e.event} at ${timeAndAge(e.occurred, now)} on ${e.resourceId ?? '?'}`),
    ...(before
      ? [
          `${before} of the matching events occurred before the automation was created (${new Date(ctx.createdAt!).toISOString()}); Prefect only counts events that arrive while it exists`,
        ]
      : []),
    ...(read.truncated
      ? [`only the newest ${read.events.length} events were read: counts are lower bounds`]
      : []),
  ];
  const findings: Finding[] = [];
  if (ctx.fired) return { check, findings };

  if (posture === 'Proactive') {
    if (!conditionMet) {
      findings.push({
        cause: {
          kind: 'proactive_events_arriving',
          summary: `Matching events keep arriving (${inLastWindow} in the last ${withinText}, threshold ${threshold}), and a Proactive trigger fires only on their absence.`,
          evidence: [...specEvidence, ...countEvidence],
        },
        nextStep:
          'Nothing is wrong if the events are expected; otherwise narrow expect/match so only the absence you care about counts.',
      });
    } else {
      findings.push(
        expectedToFire(
          `fewer than ${threshold} matching events arrived in the last ${withinText}`,
          specEvidence,
          countEvidence,
        ),
      );
    }
    return { check, findings };
  }
  if (others.length) {
    const top = countBy(others, (e) => e.event, 3);
    const emitted = top.map((c) => `${c.count} × ${c.key}`).join(', ');
    const names = [
      ...new Set(others.map((e) => e.resource['prefect.resource.name'] ?? e.resourceId ?? '?')),
    ]
      .slice(0, 3)
      .join(', ');
    // The newest event is where the watched resources ended up (a run's final state).
    const add = others[0]!.event;
    findings.push({
      cause: {
        kind: 'expect_mismatch',
        summary: `${need}, but ${read.events.length ? `no ${expectText} event on the resources it matches` : `no ${expectText} event`} occurred in the last ${lookbackText}; those resources emitted ${emitted} instead (${names}), latest ${add}, which is not in expect.`,
        evidence: [
          ...specEvidence,
          ...others
            .slice(0, 5)
            .map((e) => `emitted: ${e.event} at ${e.occurred} on ${resourceText(e)}`),
          ...(read.events.length
            ? [
                `${plural(read.events.length, `${expectText} event`)} occurred only on resources its match excludes, e.g. ${check.events.excludedExamples.slice(0, 2).join(', ')}`,
              ]
            : []),
        ],
      },
      nextStep: `If ${add} should fire it, add it to expect (expect: ${JSON.stringify([...(trigger.expect ?? []), add])}).`,
    });
  } else if (read.events.length === 0) {
    findings.push({
      cause: {
        kind: 'no_matching_events',
        summary: `${need}, but no ${expectText} event occurred in the last ${lookbackText}.`,
        evidence: [
          ...specEvidence,
          ...(read.truncated
            ? []
            : [
                `no ${expectText} events between ${new Date(now - lookbackSeconds * 1000).toISOString()} and now`,
              ]),
        ],
      },
      nextStep: `Check that the events are emitted at all (prefect_list_events) and that expect names them exactly, e.g. prefect.flow-run.Failed.`,
    });
  } else if (matching.length === 0) {
    findings.push({
      cause: {
        kind: 'match_filters_out_events',
        summary: `${need}; ${plural(read.events.length, `${expectText} event`)} occurred, but none on a resource its match/match_related labels select (${labelMismatches(trigger, excluded[0]!).join('; ')}).`,
        evidence: [
          ...specEvidence,
          ...(trigger.matchRelated !== undefined
            ? [`match_related: ${oneLine(JSON.stringify(trigger.matchRelated), 300)}`]
            : []),
          ...excluded
            .slice(0, 5)
            .map(
              (e) =>
                `excluded: ${e.event} at ${e.occurred} on ${resourceText(e)}: ${labelMismatches(trigger, e).join('; ')}`,
            ),
        ],
      },
      nextStep: `Fix match/match_related to select the resources that emit these events (${labelMismatches(trigger, excluded[0]!)[0]}).`,
    });
  } else if (trigger.after?.length && !(read.after ?? []).length) {
    findings.push({
      cause: {
        kind: 'after_not_seen',
        summary: `${need}, counted only after a ${trigger.after.join(' or ')} event on the same resource, and none occurred in the last ${lookbackText}.`,
        evidence: [...specEvidence, `after: ${trigger.after.join(', ')}`, ...countEvidence],
      },
      nextStep: `Check that ${trigger.after.join(' or ')} is emitted for these resources (prefect_list_events), or drop after.`,
    });
  } else if (!conditionMet) {
    const crossBucket = maxInWindow(times(matching.filter(counted)), within * 1000);
    if (forEach.length && crossBucket >= threshold) {
      findings.push({
        cause: {
          kind: 'split_by_for_each',
          summary: `${need} per ${forEach.join(', ')}: across all resources ${crossBucket} occurred within one window, but no single resource reached ${threshold}.`,
          evidence: [...specEvidence, ...countEvidence],
        },
        nextStep:
          'Drop for_each (or pick a coarser label) if the threshold should count all resources together.',
      });
    } else {
      findings.push({
        cause: {
          kind: 'threshold_not_reached',
          summary: `${need}, but only ${plural(inLastWindow, 'matching event')}${recentNames ? ` (${recentNames})` : ''} occurred in the last ${withinText}; at most ${maxAny} in any ${withinText} window of the last ${lookbackText}${before ? ` (${before} of them from before the automation was created, which Prefect does not count)` : ''}.`,
          evidence: [...specEvidence, ...countEvidence],
        },
        nextStep: `Nothing is broken if fewer than ${threshold} such events happened; to be alerted sooner, lower the threshold or widen within (now ${threshold} within ${withinText}).`,
      });
    }
  } else {
    findings.push(
      expectedToFire(
        `${maxAnyCounted} matching events occurred within one ${withinText} window (threshold ${threshold})`,
        specEvidence,
        countEvidence,
      ),
    );
  }
  return { check, findings };
}

function expectedToFire(what: string, spec: string[], counts: string[]): Finding {
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

function summariseFirings(events: readonly PrefectEventView[]): AutomationDiagnosis['firings'] {
  const named = (name: string) => events.filter((e) => e.event === name);
  const triggered = named('prefect.automation.triggered');
  return {
    triggered: triggered.length,
    ...(triggered[0] ? { lastTriggeredAt: triggered[0].occurred } : {}),
    resolved: named('prefect.automation.resolved').length,
    actionsExecuted: named('prefect.automation.action.executed').length,
    actionFailures: named('prefect.automation.action.failed').map((e) => {
      const reason =
        typeof e.payload === 'object' && e.payload !== null && 'reason' in e.payload
          ? String((e.payload as { reason: unknown }).reason)
          : undefined;
      return { occurred: e.occurred, ...(reason ? { reason: oneLine(reason, 300) } : {}) };
    }),
  };
}

/** "prefect.resource.id=prefect.flow-run.*" for the trigger's match labels. */
function describeMatch(trigger: PrefectTriggerView): string {
  return Object.entries(trigger.match ?? {})
    .map(([label, value]) => `${label}=${Array.isArray(value) ? value.join('|') : String(value)}`)
    .join(', ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function eventSeen(e: PrefectEventView): z.infer<typeof EventSeenSchema> {
  const name = e.resource['prefect.resource.name'];
  return {
    occurred: e.occurred,
    event: e.event,
    ...(e.resourceId ? { resourceId: e.resourceId } : {}),
    ...(name ? { resourceName: name } : {}),
  };
}

/** "flow run crimson-owl (prefect.flow-run.<id>)", or the resource id alone. */
function resourceText(e: PrefectEventView): string {
  const name = e.resource['prefect.resource.name'];
  const id = e.resourceId ?? e.resource['prefect.resource.id'] ?? '?';
  return name ? `${name} (${id})` : id;
}

/** Which of the trigger's match / match_related labels an event fails, with its actual values. */
function labelMismatches(trigger: PrefectTriggerView, e: PrefectEventView): string[] {
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
