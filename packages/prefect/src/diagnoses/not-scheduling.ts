import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectDeploymentView } from '../deployments/deployment.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { formatDuration } from './format.js';

/** Deployments read per check; beyond it the answer says it looked at only these. */
const MAX_DEPLOYMENTS = 200;
/** Deployments whose upcoming runs are counted (one request each). */
const MAX_COUNTED = 25;
/** Prefect's scheduler runs every 60 s: a younger deployment may not have its runs yet. */
const SCHEDULER_GRACE_SECONDS = 300;

export const NOT_SCHEDULING_REASONS = ['paused', 'schedules_inactive', 'no_upcoming_runs'] as const;

export const NotSchedulingSchema = z.object({
  deployment: z.string().describe('"<flow>/<deployment>"'),
  id: z.string(),
  reason: z.enum(NOT_SCHEDULING_REASONS),
  detail: z.string(),
});
export type NotScheduling = z.infer<typeof NotSchedulingSchema>;

/**
 * Deployments that have schedules yet create no runs: paused, every schedule inactive, or an
 * active schedule with no upcoming scheduled run. None of them ever shows a late run, which is
 * why "no late runs" alone can mislead.
 */
export async function deploymentsNotScheduling(
  client: PrefectAdapter,
  scope: { deployment?: PrefectDeploymentView | undefined; workPool?: string | undefined },
  now: number,
  options?: CallOptions,
): Promise<{ items: NotScheduling[]; more: boolean }> {
  const page = scope.deployment
    ? { items: [scope.deployment], nextCursor: undefined }
    : await client.listDeployments(
        {
          ...(scope.workPool ? { workPools: [scope.workPool] } : {}),
          limit: MAX_DEPLOYMENTS,
        },
        options,
      );
  const scheduled = page.items.filter((d) => d.schedules?.length);
  const items: NotScheduling[] = [];
  const toCount: PrefectDeploymentView[] = [];
  for (const d of scheduled) {
    const name = d.fullName ?? d.name;
    const count = d.schedules!.length;
    if (d.paused) {
      items.push({
        deployment: name,
        id: d.id,
        reason: 'paused',
        detail: `paused: its ${count === 1 ? 'schedule creates' : `${count} schedules create`} no runs until it is resumed`,
      });
    } else if (d.schedules!.every((s) => s.active === false)) {
      items.push({
        deployment: name,
        id: d.id,
        reason: 'schedules_inactive',
        detail:
          count === 1
            ? 'its only schedule is inactive'
            : `all ${count} of its schedules are inactive`,
      });
    } else if (!d.createdAt || now - Date.parse(d.createdAt) > SCHEDULER_GRACE_SECONDS * 1000) {
      toCount.push(d);
    }
  }
  const counted = toCount.slice(0, MAX_COUNTED);
  const upcoming = await Promise.all(
    counted.map((d) =>
      client.countFlowRuns(
        {
          deploymentIds: [d.id],
          stateTypes: ['SCHEDULED'],
          since: new Date(now).toISOString(),
        },
        options,
      ),
    ),
  );
  counted.forEach((d, i) => {
    if (upcoming[i] !== 0) return;
    items.push({
      deployment: d.fullName ?? d.name,
      id: d.id,
      reason: 'no_upcoming_runs',
      detail: `has an active schedule but no upcoming scheduled run (created ${formatDuration((now - Date.parse(d.createdAt ?? '')) / 1000 || 0)} ago): is the server's scheduler service running?`,
    });
  });
  return {
    items,
    more: page.nextCursor !== undefined || toCount.length > counted.length,
  };
}

/** The next step for one deployment that creates no runs. */
export function notSchedulingNextStep(item: NotScheduling): string {
  switch (item.reason) {
    case 'paused':
      return `Resume the deployment if it should run: prefect deployment resume "${item.deployment}" (or prefect_set_deployment_paused).`;
    case 'schedules_inactive':
      return `Activate its schedule if it should run: prefect deployment schedule resume "${item.deployment}" <schedule id> (prefect deployment schedule ls "${item.deployment}").`;
    default:
      return "Check that the Prefect server's scheduler service is enabled (server.services.scheduler.enabled) and its logs.";
  }
}

/** "1 deployment with a schedule creates no runs: a/b (its only schedule is inactive)." */
export function describeNotScheduling(items: readonly NotScheduling[], more: boolean): string {
  const shown = items
    .slice(0, 5)
    .map((i) => `${i.deployment} (${i.detail})`)
    .join('; ');
  const rest = items.length > 5 ? `; and ${items.length - 5} more` : '';
  const n = items.length;
  return `${n} ${n === 1 ? 'deployment with a schedule creates' : 'deployments with schedules create'} no runs: ${shown}${rest}${more ? ' (only some deployments were checked)' : ''}.`;
}
