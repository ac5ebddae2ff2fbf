import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import { listDeployments } from '../deployments/deployments-api.js';
import { countFlowRuns, listFlowRuns } from '../flow-runs/flow-runs-api.js';
import type { PrefectContext } from '../shared/context.js';
import { StateTypeSchema } from '../shared/prefect-filters.js';
import { listConcurrencyLimits } from '../work-pools/concurrency-limits-api.js';
import { readAllQueues, readWorkPools } from '../work-pools/work-pools-api.js';

const RunExampleSchema = z.object({
  id: z.string(),
  name: z.string(),
  stateName: z.string().optional(),
  workPool: z.string().optional(),
  workQueue: z.string().optional(),
  deploymentId: z.string().optional(),
  expectedStartAt: z.string().optional(),
  stateMessage: z.string().optional(),
});

/** One call's answer to "how is my workspace doing". */
export const PrefectOverviewSchema = z.object({
  window: z.object({ since: z.string(), until: z.string() }),
  flowRunsByState: z
    .record(StateTypeSchema, z.number())
    .describe('Flow runs expected to start within the window, by state type'),
  lateRuns: z.object({
    count: z.number().describe('Runs whose state is Late, at any time'),
    examples: z.array(RunExampleSchema),
  }),
  recentFailures: z
    .array(RunExampleSchema)
    .describe('Latest FAILED or CRASHED runs in the window (up to 5)'),
  workPools: z.object({
    total: z.number(),
    withoutOnlineWorker: z
      .array(z.string())
      .describe('Pools that are not paused but have no online worker (NOT_READY)'),
    paused: z.array(z.string()),
    atCapacity: z.array(z.object({ name: z.string(), activeSlots: z.number(), limit: z.number() })),
  }),
  workQueues: z.object({
    paused: z.array(z.object({ pool: z.string().optional(), name: z.string() })),
    atCapacity: z.array(
      z.object({
        pool: z.string().optional(),
        name: z.string(),
        activeSlots: z.number(),
        limit: z.number(),
      }),
    ),
  }),
  concurrencyLimitsAtCapacity: z.array(
    z.object({ kind: z.string(), name: z.string(), activeSlots: z.number(), limit: z.number() }),
  ),
  pausedDeployments: z.object({
    count: z.number(),
    names: z.array(z.string()).describe('Up to 10, "<flow>/<deployment>"'),
  }),
  inactiveSchedules: z
    .object({
      count: z.number(),
      names: z.array(z.string()).describe('Up to 10'),
      partial: z.boolean().optional().describe('Only the first 200 deployments were read'),
    })
    .describe('Deployments not paused whose schedules are all inactive: they create no runs'),
});
export type PrefectOverview = z.infer<typeof PrefectOverviewSchema>;

/** Counts, late runs, unhealthy pools and full limits, read in parallel. */
export async function overview(
  ctx: PrefectContext,
  window: { since: string; until: string },
  options?: CallOptions,
): Promise<PrefectOverview> {
  const types = StateTypeSchema.options;
  const inWindow = { since: window.since, until: window.until };
  const [counts, lateCount, late, failures, pools, queues, limits, paused, pausedCount, all] =
    await Promise.all([
      Promise.all(
        types.map((type) => countFlowRuns(ctx, { ...inWindow, stateTypes: [type] }, options)),
      ),
      countFlowRuns(ctx, { stateNames: ['Late'] }, options),
      listFlowRuns(
        ctx,
        { stateNames: ['Late'], sort: 'EXPECTED_START_TIME_ASC', limit: 5 },
        options,
      ),
      listFlowRuns(
        ctx,
        {
          ...inWindow,
          stateTypes: ['FAILED', 'CRASHED'],
          sort: 'EXPECTED_START_TIME_DESC',
          limit: 5,
        },
        options,
      ),
      readWorkPools(ctx, options),
      readAllQueues(ctx, options),
      listConcurrencyLimits(ctx, options),
      listDeployments(ctx, { paused: true, limit: 10 }, options),
      ctx.http.request({
        method: 'POST',
        path: 'deployments/count',
        body: { deployments: { paused: { eq_: true } } },
        idempotent: true,
        signal: options?.signal,
        schema: z.number(),
        operation: 'count paused deployments',
      }),
      listDeployments(ctx, { paused: false, limit: 200 }, options),
    ]);
  const inactive = all.items.filter(
    (d) => d.schedules?.length && d.schedules.every((s) => s.active === false),
  );
  const example = (run: (typeof late.items)[number]) =>
    RunExampleSchema.parse({
      id: run.id,
      name: run.name,
      stateName: run.stateName,
      workPool: run.workPool,
      workQueue: run.workQueue,
      deploymentId: run.deploymentId,
      expectedStartAt: run.expectedStartAt,
      stateMessage: run.stateMessage?.slice(0, 300),
    });
  return {
    window,
    flowRunsByState: Object.fromEntries(
      types.map((type, i) => [type, counts[i] ?? 0]),
    ) as PrefectOverview['flowRunsByState'],
    lateRuns: { count: lateCount, examples: late.items.map(example) },
    recentFailures: failures.items.map(example),
    workPools: {
      total: pools.length,
      withoutOnlineWorker: pools
        .filter((p) => !p.is_paused && p.status === 'NOT_READY')
        .map((p) => p.name),
      paused: pools.filter((p) => p.is_paused || p.status === 'PAUSED').map((p) => p.name),
      atCapacity: pools
        .filter(
          (p) => p.concurrency_limit !== undefined && (p.active_slots ?? 0) >= p.concurrency_limit,
        )
        .map((p) => ({
          name: p.name,
          activeSlots: p.active_slots ?? 0,
          limit: p.concurrency_limit ?? 0,
        })),
    },
    workQueues: {
      paused: queues
        .filter((q) => q.is_paused)
        .map((q) => ({ pool: q.work_pool_name ?? undefined, name: q.name })),
      atCapacity: queues
        .filter(
          (q) => q.concurrency_limit !== undefined && (q.active_slots ?? 0) >= q.concurrency_limit,
        )
        .map((q) => ({
          pool: q.work_pool_name ?? undefined,
          name: q.name,
          activeSlots: q.active_slots ?? 0,
          limit: q.concurrency_limit ?? 0,
        })),
    },
    concurrencyLimitsAtCapacity: limits
      .filter((l) => l.atCapacity)
      .map((l) => ({ kind: l.kind, name: l.name, activeSlots: l.activeSlots, limit: l.limit })),
    pausedDeployments: {
      count: pausedCount,
      names: paused.items.map((d) => d.fullName ?? d.name),
    },
    inactiveSchedules: {
      count: inactive.length,
      names: inactive.slice(0, 10).map((d) => d.fullName ?? d.name),
      ...(all.nextCursor !== undefined ? { partial: true } : {}),
    },
  };
}
