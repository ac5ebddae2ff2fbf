import { countBy, maxInWindow } from '../diagnoses/event-windows.js';
import { oneLine, plural } from '../diagnoses/format.js';
import type { PrefectTriggerView } from './automation.js';
import type { Finding } from './automation-diagnosis-schema.js';
import type { TriggerEvents } from './automation-events.js';
import { expectedToFire, labelMismatches, resourceText } from './automation-evidence.js';
import type { PrefectEventView } from './event.js';

/** Why one event trigger did not fire (or should have), from its counts and story. */

/** What checkTrigger needs besides the trigger and its events. */
export interface TriggerCheckContext {
  now: number;
  lookbackSeconds: number;
  createdAt: number | undefined;
  fired: boolean;
}

/** How one event trigger's events counted against its posture, threshold and window. */
export interface TriggerCounts {
  posture: string;
  threshold: number;
  within: number;
  matching: PrefectEventView[];
  excluded: PrefectEventView[];
  /** Events of other names on the matching resources (only when none matched). */
  others: PrefectEventView[];
  recent: PrefectEventView[];
  inLastWindow: number;
  maxAny: number;
  maxAnyCounted: number;
  before: number;
  conditionMet: boolean;
  forEach: string[];
  counted: (e: PrefectEventView) => boolean;
  times: (events: readonly PrefectEventView[]) => number[];
}

/** The sentences every finding of one trigger shares. */
export interface TriggerStory {
  need: string;
  expectText: string;
  withinText: string;
  lookbackText: string;
  recentNames: string;
  specEvidence: string[];
  countEvidence: string[];
}

/** A Proactive trigger fires on the absence of events. */
export function proactiveFindings(counts: TriggerCounts, story: TriggerStory): Finding[] {
  const { inLastWindow, threshold } = counts;
  const { withinText, specEvidence, countEvidence } = story;
  if (!counts.conditionMet) {
    return [
      {
        cause: {
          kind: 'proactive_events_arriving',
          summary: `Matching events keep arriving (${inLastWindow} in the last ${withinText}, threshold ${threshold}), and a Proactive trigger fires only on their absence.`,
          evidence: [...specEvidence, ...countEvidence],
        },
        nextStep:
          'Nothing is wrong if the events are expected; otherwise narrow expect/match so only the absence you care about counts.',
      },
    ];
  }
  return [
    expectedToFire(
      `fewer than ${threshold} matching events arrived in the last ${withinText}`,
      specEvidence,
      countEvidence,
    ),
  ];
}

/** A Reactive trigger: the first of these that holds is why it did not fire. */
export function reactiveFindings(
  trigger: PrefectTriggerView,
  read: TriggerEvents,
  ctx: TriggerCheckContext,
  counts: TriggerCounts,
  story: TriggerStory,
  excludedExamples: readonly string[],
): Finding[] {
  const { matching, excluded, others, threshold, within, forEach } = counts;
  const { need, expectText, lookbackText, specEvidence, countEvidence } = story;
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
    return [
      {
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
                  `${plural(read.events.length, `${expectText} event`)} occurred only on resources its match excludes, e.g. ${excludedExamples.slice(0, 2).join(', ')}`,
                ]
              : []),
          ],
        },
        nextStep: `If ${add} should fire it, add it to expect (expect: ${JSON.stringify([...(trigger.expect ?? []), add])}).`,
      },
    ];
  }
  if (read.events.length === 0) {
    return [
      {
        cause: {
          kind: 'no_matching_events',
          summary: `${need}, but no ${expectText} event occurred in the last ${lookbackText}.`,
          evidence: [
            ...specEvidence,
            ...(read.truncated
              ? []
              : [
                  `no ${expectText} events between ${new Date(ctx.now - ctx.lookbackSeconds * 1000).toISOString()} and now`,
                ]),
          ],
        },
        nextStep: `Check that the events are emitted at all (prefect_list_events) and that expect names them exactly, e.g. prefect.flow-run.Failed.`,
      },
    ];
  }
  if (matching.length === 0) {
    return [
      {
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
      },
    ];
  }
  if (trigger.after?.length && !(read.after ?? []).length) {
    return [
      {
        cause: {
          kind: 'after_not_seen',
          summary: `${need}, counted only after a ${trigger.after.join(' or ')} event on the same resource, and none occurred in the last ${lookbackText}.`,
          evidence: [...specEvidence, `after: ${trigger.after.join(', ')}`, ...countEvidence],
        },
        nextStep: `Check that ${trigger.after.join(' or ')} is emitted for these resources (prefect_list_events), or drop after.`,
      },
    ];
  }
  if (counts.conditionMet) {
    return [
      expectedToFire(
        `${counts.maxAnyCounted} matching events occurred within one ${story.withinText} window (threshold ${threshold})`,
        specEvidence,
        countEvidence,
      ),
    ];
  }
  const crossBucket = maxInWindow(counts.times(matching.filter(counts.counted)), within * 1000);
  if (forEach.length && crossBucket >= threshold) {
    return [
      {
        cause: {
          kind: 'split_by_for_each',
          summary: `${need} per ${forEach.join(', ')}: across all resources ${crossBucket} occurred within one window, but no single resource reached ${threshold}.`,
          evidence: [...specEvidence, ...countEvidence],
        },
        nextStep:
          'Drop for_each (or pick a coarser label) if the threshold should count all resources together.',
      },
    ];
  }
  const { inLastWindow, maxAny, before } = counts;
  const { withinText, recentNames } = story;
  return [
    {
      cause: {
        kind: 'threshold_not_reached',
        summary: `${need}, but only ${plural(inLastWindow, 'matching event')}${recentNames ? ` (${recentNames})` : ''} occurred in the last ${withinText}; at most ${maxAny} in any ${withinText} window of the last ${lookbackText}${before ? ` (${before} of them from before the automation was created, which Prefect does not count)` : ''}.`,
        evidence: [...specEvidence, ...countEvidence],
      },
      nextStep: `Nothing is broken if fewer than ${threshold} such events happened; to be alerted sooner, lower the threshold or widen within (now ${threshold} within ${withinText}).`,
    },
  ];
}
