import type { CallOptions } from '@mlops-mcp/core';
import type { PrefectDeploymentView } from '../deployments/deployment.js';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import type { PrefectConcurrencyLimitView } from '../work-pools/concurrency-limit.js';
import type { PrefectWorkPoolView } from '../work-pools/work-pool.js';
import { poolOrNull } from './pool-or-null.js';
import { describeTaskRunHolders } from './task-run-holders.js';

/** Flow run state types that hold a pool, queue or deployment slot. */
export const SLOT_HOLDING_STATES = ['PENDING', 'RUNNING', 'CANCELLING'] as const;

/** Everything that decides whether scheduled runs can start, read once for a set of runs. */
export interface BlockingContext {
  now: number;
  /** Pools by name; null when the run names a pool that no longer exists. */
  pools: Map<string, PrefectWorkPoolView | null>;
  deployments: Map<string, PrefectDeploymentView>;
  limits: PrefectConcurrencyLimitView[];
  /** Runs holding the slots of each deployment whose concurrency limit is full. */
  deploymentOccupants: Map<string, PrefectFlowRunView[]>;
  /** Evidence lines naming the task runs that hold full tag limits the runs carry, by id. */
  taskRunHolders: Map<string, string>;
}

/** Reads the pools, deployments and limits the runs depend on, in parallel. */
export async function loadBlockingContext(
  client: PrefectAdapter,
  runs: readonly PrefectFlowRunView[],
  now: number,
  options?: CallOptions,
): Promise<BlockingContext> {
  const poolNames = [...new Set(runs.flatMap((r) => (r.workPool ? [r.workPool] : [])))];
  const deploymentIds = [...new Set(runs.flatMap((r) => (r.deploymentId ? [r.deploymentId] : [])))];
  const [pools, deployments, limits] = await Promise.all([
    Promise.all(
      poolNames.map(async (name) => [name, await poolOrNull(client, name, options)] as const),
    ),
    deploymentIds.length
      ? client.listDeployments(
          { filter: { deployments: { id: { any_: deploymentIds } } }, limit: 200 },
          options,
        )
      : { items: [] },
    client.listConcurrencyLimits(options),
  ]);
  const fullDeployments = limits.filter(
    (l) => l.kind === 'deployment' && l.atCapacity && deploymentIds.includes(l.name),
  );
  const tags = new Set(runs.flatMap((r) => r.tags ?? []));
  const tagHolders = limits
    .filter((l) => l.kind === 'tag' && l.atCapacity && tags.has(l.name))
    .flatMap((l) => (l.holders ?? []).slice(0, 5));
  const [taskRunHolders, occupants] = await Promise.all([
    describeTaskRunHolders(client, tagHolders, now, options),
    Promise.all(
      fullDeployments.map(
        async (l) =>
          [
            l.name,
            (
              await client.listFlowRuns(
                { deploymentIds: [l.name], stateTypes: [...SLOT_HOLDING_STATES], limit: 10 },
                options,
              )
            ).items,
          ] as const,
      ),
    ),
  ]);
  return {
    now,
    pools: new Map(pools),
    deployments: new Map(deployments.items.map((d) => [d.id, d])),
    limits,
    deploymentOccupants: new Map(occupants),
    taskRunHolders,
  };
}
