import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectWorkPoolView } from '../work-pools/work-pool.js';
import type { BlockingContext } from './blocking-context.js';
import type { Cause } from './cause.js';
import { plural, timeAndAge } from './format.js';
import { holderLines } from './task-run-holders.js';
import { onlineWorkers, workerEvidence } from './worker-liveness.js';

/** What can keep a scheduled run from starting, most decisive first. */
export const BLOCKING_CAUSE_KINDS = [
  'no_work_pool',
  'pool_missing',
  'pool_no_online_worker',
  'pool_paused',
  'queue_paused',
  'deployment_paused',
  'pool_limit_full',
  'queue_limit_full',
  'deployment_limit_full',
  'queue_not_polled',
  'tag_limit_full',
  'no_blocker_found',
] as const;
export type BlockingCauseKind = (typeof BLOCKING_CAUSE_KINDS)[number];

/**
 * A queue a worker should poll every few seconds counts as unpolled after this long; generous on
 * purpose, so a worker that is merely slow is not blamed.
 */
export const QUEUE_POLL_STALE_SECONDS = 600;

/** A cause with what identifies its subject (to group runs by it) and what to do about it. */
export interface BlockingFinding {
  cause: Cause & { kind: BlockingCauseKind };
  /** kind plus the pool, queue, deployment or tag it is about. */
  key: string;
  nextStep: string;
}

type Queue = NonNullable<PrefectWorkPoolView['queues']>[number];

/** Why a scheduled run has not started, in priority order (never empty). */
export function blockingCauses(run: PrefectFlowRunView, ctx: BlockingContext): BlockingFinding[] {
  const findings: BlockingFinding[] = [];
  const add = (
    kind: BlockingCauseKind,
    subject: string,
    summary: string,
    evidence: string[],
    nextStep: string,
  ) => findings.push({ cause: { kind, summary, evidence }, key: `${kind}:${subject}`, nextStep });
  const deployment = run.deploymentId ? ctx.deployments.get(run.deploymentId) : undefined;
  const deploymentName = deployment?.fullName ?? deployment?.name ?? run.deploymentId;

  if (!run.workPool) {
    const polled = deployment?.lastPolledAt
      ? `last polled ${timeAndAge(deployment.lastPolledAt, ctx.now)}`
      : 'never polled';
    add(
      'no_work_pool',
      deploymentName ?? run.id,
      deployment
        ? `Deployment ${deploymentName} has no work pool: only its own serve() process starts its runs, and it is ${deployment.status === 'READY' ? 'polling' : 'not polling'}.`
        : 'The run has no deployment and no work pool: nothing will pick it up.',
      deployment
        ? [`deployment ${deploymentName}: status ${deployment.status ?? 'unknown'}, ${polled}`]
        : [`flow run ${run.name} has neither deployment nor work pool`],
      deployment
        ? `Start the process that serves ${deploymentName} (flow.serve()), or move the deployment to a work pool.`
        : 'Run it from a deployment, or delete it.',
    );
  }

  const pool = run.workPool ? ctx.pools.get(run.workPool) : undefined;
  if (run.workPool && pool === null) {
    add(
      'pool_missing',
      run.workPool,
      `Work pool ${run.workPool} does not exist (any more): no worker can pick the run up.`,
      [`flow run ${run.name} names work pool ${run.workPool}, which the API does not know`],
      `Create the pool again (prefect work-pool create "${run.workPool}") or point the deployment at an existing pool.`,
    );
  }
  const queue = pool ? pool.queues?.find((q) => q.name === run.workQueue) : undefined;
  const online = pool ? onlineWorkers(pool, ctx.now) : [];

  if (pool && !pool.paused && online.length === 0) {
    add(
      'pool_no_online_worker',
      pool.name,
      `Work pool ${pool.name} has no online worker to start the run.`,
      [
        `work pool ${pool.name}: status ${pool.status ?? 'unknown'}`,
        ...workerEvidence(pool, ctx.now),
      ],
      `Start a worker for the pool (prefect worker start --pool "${pool.name}"), or find out why it stopped from its host's logs.`,
    );
  }
  if (pool?.paused) {
    add(
      'pool_paused',
      pool.name,
      `Work pool ${pool.name} is paused: workers get no runs from it.`,
      [`work pool ${pool.name}: paused, status ${pool.status ?? 'unknown'}`],
      `Resume the pool: prefect work-pool resume "${pool.name}".`,
    );
  }
  if (pool && queue?.paused) {
    add(
      'queue_paused',
      `${pool.name}/${queue.name}`,
      `Work queue ${queue.name} of pool ${pool.name} is paused: its runs are not handed out.`,
      [
        `work queue ${queue.name} of pool ${pool.name}: paused, status ${queue.status ?? 'unknown'}`,
      ],
      `Resume the queue: prefect work-queue resume "${queue.name}" --pool "${pool.name}".`,
    );
  }
  if (deployment?.paused) {
    add(
      'deployment_paused',
      deployment.id,
      `Deployment ${deploymentName} is paused.`,
      [`deployment ${deploymentName}: paused`],
      `Resume it with prefect_resume_deployment (deployment "${deploymentName}").`,
    );
  }
  if (
    pool &&
    pool.concurrencyLimit !== undefined &&
    (pool.activeSlots ?? 0) >= pool.concurrencyLimit
  ) {
    add(
      'pool_limit_full',
      pool.name,
      `Work pool ${pool.name}'s concurrency limit of ${pool.concurrencyLimit} is full.`,
      [
        `work pool ${pool.name}: concurrency limit ${pool.concurrencyLimit}, ${pool.activeSlots ?? 0} slots occupied`,
        ...holderEvidence(pool.queues ?? [], `work pool ${pool.name}`),
      ],
      `Wait for or cancel (prefect_cancel_flow_run) the runs holding the pool's slots, or raise the limit: prefect work-pool set-concurrency-limit "${pool.name}" <n>.`,
    );
  }
  if (
    pool &&
    queue?.concurrencyLimit !== undefined &&
    (queue.activeSlots ?? 0) >= queue.concurrencyLimit
  ) {
    add(
      'queue_limit_full',
      `${pool.name}/${queue.name}`,
      `Work queue ${queue.name} of pool ${pool.name} has its concurrency limit of ${queue.concurrencyLimit} full.`,
      [
        `work queue ${queue.name} of pool ${pool.name}: concurrency limit ${queue.concurrencyLimit}, ${queue.activeSlots ?? 0} slots occupied`,
        ...holderEvidence([queue], `work queue ${queue.name}`),
      ],
      `Wait for or cancel the runs holding the queue's slots, or raise its limit: prefect work-queue set-concurrency-limit "${queue.name}" <n> --pool "${pool.name}".`,
    );
  }
  const deploymentLimit = run.deploymentId
    ? ctx.limits.find((l) => l.kind === 'deployment' && l.name === run.deploymentId)
    : undefined;
  if (run.deploymentId && deploymentLimit?.atCapacity) {
    const holders = ctx.deploymentOccupants.get(run.deploymentId) ?? [];
    const evidence = [
      `deployment ${deploymentName}: concurrency limit ${deploymentLimit.limit}, ${deploymentLimit.activeSlots} slots occupied`,
      ...holders.map(
        (h) =>
          `slot held by flow run ${h.name} (${h.id}), ${h.stateName ?? h.rawStatus}${h.stateAt ? ` since ${timeAndAge(h.stateAt, ctx.now)}` : ''}`,
      ),
    ];
    if (holders.length === 0) {
      evidence.push(
        'no PENDING, RUNNING or CANCELLING run of the deployment holds a slot: the slots were leaked by runs that ended without releasing them',
      );
    }
    if (run.stateName === 'AwaitingConcurrencySlot') {
      evidence.push(`flow run ${run.name} is in state AwaitingConcurrencySlot`);
    }
    add(
      'deployment_limit_full',
      run.deploymentId,
      `Deployment ${deploymentName}'s concurrency limit of ${deploymentLimit.limit} is full.`,
      evidence,
      holders.length
        ? `Wait for or cancel (prefect_cancel_flow_run) the run(s) holding the deployment's slots, or raise the deployment's concurrency_limit.`
        : `Free the leaked slots: prefect global-concurrency-limit update "deployment:${run.deploymentId}" --active-slots 0.`,
    );
  }
  if (pool && queue && online.length > 0 && !queue.paused && queueNotPolled(queue, ctx.now)) {
    add(
      'queue_not_polled',
      `${pool.name}/${queue.name}`,
      `Work queue ${queue.name} of pool ${pool.name} is not being polled although the pool has an online worker.`,
      [
        `work queue ${queue.name}: ${queue.lastPolledAt ? `last polled ${timeAndAge(queue.lastPolledAt, ctx.now)}` : 'never polled'}`,
        `online workers of pool ${pool.name}: ${online.map((w) => w.name).join(', ')}`,
      ],
      `Check that a worker polls queue ${queue.name}: workers started with --work-queue only poll the queues they name.`,
    );
  }
  for (const tag of run.tags ?? []) {
    const limit = ctx.limits.find((l) => l.kind === 'tag' && l.name === tag && l.atCapacity);
    if (!limit) continue;
    add(
      'tag_limit_full',
      tag,
      `Tag concurrency limit ${tag} (${limit.limit}) is full; the run carries that tag.`,
      [
        `tag limit ${tag}: limit ${limit.limit}, ${limit.activeSlots} slots occupied`,
        ...holderLines(limit.holders, ctx.taskRunHolders),
        `flow run ${run.name} has tag ${tag}; tag limits gate its tagged task runs once it runs, not its start`,
      ],
      `See who holds the slots: prefect concurrency-limit inspect "${tag}"; free leaked ones with prefect concurrency-limit reset "${tag}".`,
    );
  }
  if (findings.length === 0) {
    add(
      'no_blocker_found',
      run.workPool ?? run.id,
      'Nothing the API shows blocks the run: the pool has an online worker, nothing is paused and no limit is full.',
      [
        ...(pool
          ? [
              `work pool ${pool.name}: ${plural(online.length, 'online worker')}, status ${pool.status ?? 'unknown'}`,
            ]
          : []),
        ...(queue
          ? [
              `work queue ${queue.name}: ${queue.lastPolledAt ? `last polled ${timeAndAge(queue.lastPolledAt, ctx.now)}` : 'never polled'}`,
            ]
          : []),
      ],
      "Read the worker's own logs: it may fail to submit the run (infrastructure errors, image pulls, quotas).",
    );
  }
  return findings;
}

function queueNotPolled(queue: Queue, now: number): boolean {
  if (!queue.lastPolledAt) return true;
  return now - Date.parse(queue.lastPolledAt) > QUEUE_POLL_STALE_SECONDS * 1000;
}

/** Who holds the slots of these queues (Prefect reports up to 10 per queue). */
function holderEvidence(queues: readonly Queue[], what: string): string[] {
  const holders = queues.flatMap((q) => q.slotHolders ?? []);
  if (holders.length === 0) return [];
  return [
    ...holders
      .slice(0, 10)
      .map(
        (h) =>
          `slot of ${what} held by flow run ${h.name} (${h.id})${h.state ? `, ${h.state}` : ''}`,
      ),
    ...(holders.length > 10 ? [`… and ${holders.length - 10} more`] : []),
  ];
}
