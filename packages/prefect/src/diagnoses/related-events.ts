import { type CallOptions, toCompactJson } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectEventView } from '../automations/event.js';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { oneLine } from './format.js';

/** Events read around a run; the newest are kept. */
const MAX_EVENTS = 15;

/** An event about a run, cut to what explains it. */
export const EventBriefSchema = z.object({
  occurred: z.string(),
  event: z.string(),
  resourceId: z.string().optional(),
  resourceName: z.string().optional(),
  detail: z
    .string()
    .optional()
    .describe("The state message of a state change, or the payload of another resource's event"),
});
export type EventBrief = z.infer<typeof EventBriefSchema>;

/** Events whose primary or related resource is the run, newest first, from just before it began. */
export async function eventsAboutRun(
  client: PrefectAdapter,
  run: PrefectFlowRunView,
  now: number,
  options?: CallOptions,
): Promise<PrefectEventView[]> {
  const times = [run.expectedStartAt, run.startedAt, run.stateAt]
    .filter((t): t is string => t !== undefined)
    .map((t) => Date.parse(t));
  const start = times.length ? Math.min(...times) - 600_000 : now - 7 * 86_400_000;
  const page = await client.listEvents(
    {
      since: new Date(Math.min(start, now)).toISOString(),
      until: new Date(now).toISOString(),
      anyResourceIds: [`prefect.flow-run.${run.id}`],
      newestFirst: true,
      limit: MAX_EVENTS,
    },
    options,
  );
  return page.items;
}

/** The brief of an event: a state change keeps its message, other events their payload. */
export function eventBrief(event: PrefectEventView, runId: string): EventBrief {
  const brief: EventBrief = { occurred: event.occurred, event: event.event };
  if (event.resourceId) brief.resourceId = event.resourceId;
  const name = event.resource['prefect.resource.name'];
  if (name) brief.resourceName = name;
  const message = event.resource['prefect.state-message'];
  if (message) brief.detail = oneLine(message, 300);
  else if (event.resourceId !== `prefect.flow-run.${runId}` && event.payload !== undefined) {
    brief.detail = oneLine(
      typeof event.payload === 'string' ? event.payload : toCompactJson(event.payload),
      300,
    );
  }
  return brief;
}

/** The automation an event names among its related resources, if any. */
export function automationOf(event: PrefectEventView): string | undefined {
  const related = event.related?.find(
    (r) =>
      r['prefect.resource.role'] === 'automation' ||
      r['prefect.resource.id']?.startsWith('prefect.automation.'),
  );
  if (!related) return undefined;
  return related['prefect.resource.name'] ?? related['prefect.resource.id'];
}
