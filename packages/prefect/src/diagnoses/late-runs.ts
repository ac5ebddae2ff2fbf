import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectDeploymentView } from '../deployments/deployment.js';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { BLOCKING_CAUSE_KINDS, type BlockingFinding, blockingCauses } from './blocking-causes.js';
import { loadBlockingContext } from './blocking-context.js';
import { CauseSchema } from './cause.js';
import { plural } from './format.js';
import {
  deploymentsNotScheduling,
  describeNotScheduling,
  NotSchedulingSchema,
  notSchedulingNextStep,
} from './not-scheduling.js';
import { dueAt, RunBriefSchema, runBrief } from './run-brief.js';

/**
 * A scheduled run overdue by more than this counts as late even before Prefect renames it Late
 * (its late_runs service does so after 15 s by default, and may be switched off).
 */
export const LATE_AFTER_SECONDS = 15;
/** Scheduled runs read per diagnosis; late ones beyond are counted as "more". */
const CANDIDATES = 200;
/** Causes the verdict names; the rest are in `causes`. */
const MAX_HEADLINE_CAUSES = 8;

/** Which runs a late-run diagnosis looked at. */
export interface LateRunsScope {
  deployment?: PrefectDeploymentView | undefined;
  workPool?: string | undefined;
}

const CauseGroupSchema = CauseSchema.extend({
  kind: z.enum(BLOCKING_CAUSE_KINDS),
  runCount: z.number(),
  runs: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('Late runs held by this cause (up to 20)'),
});

/** The answer to "why are runs late?". */
export const LateRunsDiagnosisSchema = z.object({
  scope: z.string().describe('What was checked: the workspace, a deployment or a work pool'),
  window: z
    .object({ since: z.string(), until: z.string() })
    .describe('Runs expected to start in this window were checked'),
  verdict: z.string().describe('One sentence: how many runs are late and what blocks them'),
  lateRunCount: z.number(),
  moreLateRuns: z
    .boolean()
    .optional()
    .describe('True when more late runs exist than were diagnosed (narrow the scope or window)'),
  causes: z
    .array(CauseGroupSchema)
    .describe('Blocking causes in priority order, each with the late runs it holds back'),
  runs: z
    .array(RunBriefSchema.extend({ causes: z.array(z.enum(BLOCKING_CAUSE_KINDS)) }))
    .describe('The late runs, most overdue first, each with its causes in priority order'),
  notScheduling: z
    .array(NotSchedulingSchema)
    .optional()
    .describe(
      'Deployments in scope with schedules that create no runs (paused, schedules inactive, none upcoming): they never show as late',
    ),
  nextSteps: z.array(z.string()),
});
export type LateRunsDiagnosis = z.infer<typeof LateRunsDiagnosisSchema>;

/** True for a SCHEDULED run that Prefect calls Late or that is overdue. */
export function isLate(run: PrefectFlowRunView, now: number): boolean {
  if (run.rawStatus !== 'SCHEDULED') return false;
  if (run.stateName === 'Late') return true;
  const due = dueAt(run);
  return due !== undefined && now - Date.parse(due) > LATE_AFTER_SECONDS * 1000;
}

/** Finds the late runs in a scope and names what blocks each, grouped by cause. */
export async function diagnoseLateRuns(
  client: PrefectAdapter,
  query: { scope: LateRunsScope; since: string; until: string; limit: number; now: number },
  options?: CallOptions,
): Promise<LateRunsDiagnosis> {
  const { scope, now } = query;
  const until = new Date(Math.min(Date.parse(query.until), now)).toISOString();
  const window = { since: query.since, until };
  const scopeText = describeScope(scope);
  const [page, idle] = await Promise.all([
    client.listFlowRuns(
      {
        stateTypes: ['SCHEDULED'],
        deploymentIds: scope.deployment ? [scope.deployment.id] : undefined,
        workPools: scope.workPool ? [scope.workPool] : undefined,
        since: window.since,
        until,
        sort: 'EXPECTED_START_TIME_ASC',
        limit: CANDIDATES,
      },
      options,
    ),
    deploymentsNotScheduling(client, scope, now, options),
  ]);
  const idleText = idle.items.length ? ` ${describeNotScheduling(idle.items, idle.more)}` : '';
  const idleFields = idle.items.length ? { notScheduling: idle.items } : {};
  const idleSteps = [...new Set(idle.items.map(notSchedulingNextStep))];
  const late = page.items.filter((run) => isLate(run, now));
  const diagnosed = late.slice(0, query.limit);
  const more = late.length > diagnosed.length || page.nextCursor !== undefined;
  if (diagnosed.length === 0) {
    return {
      scope: scopeText,
      window,
      verdict: `No late runs in ${scopeText}: no scheduled run expected to start between ${window.since} and ${until} is overdue.${idle.items.length ? ` But${idleText}` : ''}`,
      lateRunCount: 0,
      causes: [],
      runs: [],
      ...idleFields,
      nextSteps: idleSteps,
    };
  }

  const ctx = await loadBlockingContext(client, diagnosed, now, options);
  const nameOf = (run: PrefectFlowRunView) => {
    const d = run.deploymentId ? ctx.deployments.get(run.deploymentId) : undefined;
    return d?.fullName ?? d?.name;
  };
  const groups = new Map<string, { finding: BlockingFinding; runs: PrefectFlowRunView[] }>();
  const primary = new Map<string, PrefectFlowRunView[]>();
  const runs = diagnosed.map((run) => {
    const findings = blockingCauses(run, ctx);
    for (const finding of findings) {
      const group = groups.get(finding.key) ?? { finding, runs: [] };
      group.runs.push(run);
      groups.set(finding.key, group);
    }
    const first = findings[0]!;
    primary.set(first.key, [...(primary.get(first.key) ?? []), run]);
    return { ...runBrief(run, now, nameOf(run)), causes: findings.map((f) => f.cause.kind) };
  });

  const order = (kind: string) => BLOCKING_CAUSE_KINDS.indexOf(kind as never);
  const sorted = [...groups.values()].sort(
    (a, b) =>
      order(a.finding.cause.kind) - order(b.finding.cause.kind) || b.runs.length - a.runs.length,
  );
  const headline = sorted
    .filter((g) => primary.has(g.finding.key))
    .map((g) => {
      const held = primary.get(g.finding.key) ?? [];
      const names = held.slice(0, 3).map((r) => r.name);
      const rest = held.length > 3 ? ` and ${held.length - 3} more` : '';
      return `${g.finding.cause.summary.replace(/\.$/, '')} (${names.join(', ')}${rest})`;
    });
  const count = more ? `At least ${late.length}` : `${late.length}`;
  return {
    scope: scopeText,
    window,
    verdict: `${count} late ${late.length === 1 ? 'run' : 'runs'} in ${scopeText}. ${headline.slice(0, MAX_HEADLINE_CAUSES).join('; ')}${headline.length > MAX_HEADLINE_CAUSES ? `; and ${plural(headline.length - MAX_HEADLINE_CAUSES, 'more cause')} (see causes)` : ''}.${idleText}`,
    lateRunCount: late.length,
    ...(more ? { moreLateRuns: true } : {}),
    causes: sorted.map((g) => ({
      ...g.finding.cause,
      runCount: g.runs.length,
      runs: g.runs.slice(0, 20).map((r) => ({ id: r.id, name: r.name })),
    })),
    runs,
    ...idleFields,
    nextSteps: [...new Set([...sorted.map((g) => g.finding.nextStep), ...idleSteps])].slice(0, 8),
  };
}

function describeScope(scope: LateRunsScope): string {
  const parts: string[] = [];
  if (scope.deployment) {
    parts.push(`deployment ${scope.deployment.fullName ?? scope.deployment.name}`);
  }
  if (scope.workPool) parts.push(`work pool ${scope.workPool}`);
  return parts.length ? parts.join(' in ') : 'the workspace';
}
