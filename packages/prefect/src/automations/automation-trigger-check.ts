import type { PrefectTriggerView } from './automation.js';
import type { Finding, TriggerCheck } from './automation-diagnosis-schema.js';
import type { TriggerEvents } from './automation-events.js';
import { describeMatch, eventSeen } from './automation-evidence.js';
import {
  proactiveFindings,
  reactiveFindings,
  type TriggerCheckContext,
  type TriggerCounts,
  type TriggerStory,
} from './automation-findings.js';
import type { PrefectEventView } from './event.js';

export type { TriggerCheckContext };

import { resourceLabel, resourcesMatch } from '../diagnoses/event-match.js';
import { countBy, groupBy, maxInWindow } from '../diagnoses/event-windows.js';
import { formatDuration, plural, timeAndAge } from '../diagnoses/format.js';

/** Compares one trigger with the events read for it: the check to show and what it found. */
export function checkTrigger(
  path: string,
  trigger: PrefectTriggerView,
  read: TriggerEvents | undefined,
  ctx: TriggerCheckContext,
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
  const counts = countTrigger(trigger, read, ctx);
  const events = describeCounts(counts, read);
  check.events = events;
  if (counts.others.length) {
    check.otherEvents = {
      byEvent: countBy(counts.others, (e) => e.event, 10).map((c) => ({
        event: c.key,
        count: c.count,
      })),
      latest: counts.others.slice(0, 5).map(eventSeen),
    };
  }
  check.conditionMet = counts.conditionMet;
  if (ctx.fired) return { check, findings: [] };
  const story = tellTrigger(path, trigger, read, ctx, counts, events);
  const findings =
    counts.posture === 'Proactive'
      ? proactiveFindings(counts, story)
      : reactiveFindings(trigger, read, ctx, counts, story, events.excludedExamples);
  return { check, findings };
}

function countTrigger(
  trigger: PrefectTriggerView,
  read: TriggerEvents,
  ctx: TriggerCheckContext,
): TriggerCounts {
  const { now } = ctx;
  const posture = trigger.posture ?? 'Reactive';
  const threshold = trigger.threshold ?? 1;
  const within = trigger.withinSeconds ?? 0;
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
  const others = matching.length === 0 ? (read.others ?? []) : [];
  const immediate = posture === 'Reactive' && within === 0;
  const conditionMet =
    posture === 'Proactive'
      ? inLastWindow < threshold
      : immediate
        ? matching.filter(counted).length > 0
        : maxAnyCounted >= threshold;
  return {
    posture,
    threshold,
    within,
    matching,
    excluded,
    others,
    recent,
    inLastWindow,
    maxAny,
    maxAnyCounted,
    before,
    conditionMet,
    forEach,
    counted,
    times,
  };
}

function describeCounts(
  counts: TriggerCounts,
  read: TriggerEvents,
): NonNullable<TriggerCheck['events']> {
  const { matching, excluded } = counts;
  return {
    read: read.events.length,
    ...(read.truncated ? { truncated: true } : {}),
    matching: matching.length,
    excludedByMatch: excluded.length,
    excludedExamples: [...new Set(excluded.map((e) => e.resourceId ?? '?'))].slice(0, 5),
    inLastWindow: counts.inLastWindow,
    maxInAnyWindow: counts.maxAny,
    beforeAutomationCreated: counts.before,
    byEvent: countBy(matching, (e) => e.event, 20).map((c) => ({ event: c.key, count: c.count })),
    byResource: countBy(matching, (e) => e.resourceId ?? '?', 10).map((c) => ({
      resourceId: c.key,
      count: c.count,
    })),
    latest: matching.slice(0, 5).map(eventSeen),
  };
}

function tellTrigger(
  path: string,
  trigger: PrefectTriggerView,
  read: TriggerEvents,
  ctx: TriggerCheckContext,
  counts: TriggerCounts,
  events: NonNullable<TriggerCheck['events']>,
): TriggerStory {
  const { posture, threshold, within, matching, recent, inLastWindow, maxAny, before } = counts;
  const withinText = formatDuration(within);
  const lookbackText = formatDuration(ctx.lookbackSeconds);
  const expectText = trigger.expect?.length ? trigger.expect.join(' or ') : 'any';
  const matchText = describeMatch(trigger);
  const need = `its ${posture} trigger${path === 'trigger' ? '' : ` ${path}`} needs ${threshold} ${expectText} ${threshold === 1 ? 'event' : 'events'}${matchText ? ` matching ${matchText}` : ''}${within ? ` within ${withinText}` : ''}`;
  const recentNames = countBy(recent, (e) => e.event, 3)
    .map((c) => (recent.length === c.count ? c.key : `${c.count} ${c.key}`))
    .join(', ');
  const specEvidence = [
    `${path}: posture ${posture}, expect ${expectText}, threshold ${threshold}, within ${within} s${counts.forEach.length ? `, for_each ${counts.forEach.join(', ')}` : ''}`,
    ...(matchText ? [`match: ${matchText}`] : []),
  ];
  const countEvidence = [
    `${plural(matching.length, 'matching event')} in the last ${lookbackText}; ${inLastWindow} in the last ${withinText}; at most ${maxAny} in any ${withinText} window`,
    ...events.byEvent.map((c) => `${c.count} × ${c.event}`),
    ...events.latest
      .slice(0, 3)
      .map(
        (e) => `latest: ${e.event} at ${timeAndAge(e.occurred, ctx.now)} on ${e.resourceId ?? '?'}`,
      ),
    ...(before
      ? [
          `${before} of the matching events occurred before the automation was created (${new Date(ctx.createdAt!).toISOString()}); Prefect only counts events that arrive while it exists`,
        ]
      : []),
    ...(read.truncated
      ? [`only the newest ${read.events.length} events were read: counts are lower bounds`]
      : []),
  ];
  return { need, expectText, withinText, lookbackText, recentNames, specEvidence, countEvidence };
}
