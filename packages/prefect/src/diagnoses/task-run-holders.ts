import type { CallOptions } from '@mlops-mcp/core';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { timeAndAge } from './format.js';

/** Holders named per tag limit in evidence. */
const MAX_HOLDERS = 5;

/**
 * "slot held by task run train-0 (<id>), Running since …, of flow run tag-holder-run (<id>),
 * Running" for each task run id holding a tag limit's slots: a bare id tells a user nothing.
 * Ids the API no longer knows are kept bare and said to be gone (a leaked slot).
 */
export async function describeTaskRunHolders(
  client: PrefectAdapter,
  ids: readonly string[],
  now: number,
  options?: CallOptions,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].slice(0, 50);
  if (wanted.length === 0) return new Map();
  const tasks = (await client.listTaskRuns({ ids: wanted, limit: wanted.length }, options)).items;
  const flowRunIds = [...new Set(tasks.flatMap((t) => (t.flowRunId ? [t.flowRunId] : [])))];
  const flowRuns = flowRunIds.length
    ? (
        await client.listFlowRuns(
          { filter: { flow_runs: { id: { any_: flowRunIds } } }, limit: flowRunIds.length },
          options,
        )
      ).items
    : [];
  const runById = new Map(flowRuns.map((r) => [r.id, r]));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return new Map(
    wanted.map((id) => {
      const task = byId.get(id);
      if (!task) {
        return [
          id,
          `slot held by task run ${id}, which the API no longer knows (a leaked slot: prefect concurrency-limit reset frees it)`,
        ];
      }
      const run = task.flowRunId ? runById.get(task.flowRunId) : undefined;
      const state = task.stateName ?? task.rawStatus;
      const since = task.startedAt ? ` since ${timeAndAge(task.startedAt, now)}` : '';
      const of = run
        ? `, of flow run ${run.name} (${run.id}), ${run.stateName ?? run.rawStatus}`
        : task.flowRunId
          ? `, of flow run ${task.flowRunId}`
          : '';
      return [id, `slot held by task run ${task.name} (${id}), ${state}${since}${of}`];
    }),
  );
}

/** Evidence lines for the holders of one tag limit. */
export function holderLines(holders: readonly string[] | undefined, named: Map<string, string>) {
  const list = holders ?? [];
  return [
    ...list.slice(0, MAX_HOLDERS).map((id) => named.get(id) ?? `slot held by task run ${id}`),
    ...(list.length > MAX_HOLDERS ? [`… and ${list.length - MAX_HOLDERS} more holders`] : []),
  ];
}
