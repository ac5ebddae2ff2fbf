import type { CallOptions, Page } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { fetchFilterPage } from '../shared/filter-page.js';
import { isUuid, parseFlowRunId } from '../shared/ids.js';
import { compact, mergeFilters } from '../shared/merge-filters.js';
import {
  type PrefectFlowRun,
  PrefectFlowRunSchema,
  type PrefectTaskRun,
  PrefectTaskRunSchema,
} from '../shared/prefect-api-types.js';
import type { PrefectRunFilter, StateType } from '../shared/prefect-filters.js';
import { mapFlowRun, type PrefectFlowRunView } from './flow-run.js';
import { mapTaskRun, type PrefectTaskRunView } from './task-run.js';

/** Prefect's flow run sorts (prefect/server/schemas/sorting.py, FlowRunSort). */
export const FLOW_RUN_SORTS = [
  'ID_DESC',
  'START_TIME_ASC',
  'START_TIME_DESC',
  'EXPECTED_START_TIME_ASC',
  'EXPECTED_START_TIME_DESC',
  'NAME_ASC',
  'NAME_DESC',
  'NEXT_SCHEDULED_START_TIME_ASC',
  'END_TIME_DESC',
] as const;
export type FlowRunSort = (typeof FLOW_RUN_SORTS)[number];

export interface FlowRunQuery {
  stateTypes?: StateType[] | undefined;
  /** State names, e.g. "Late", "AwaitingRetry", "Cancelling". */
  stateNames?: string[] | undefined;
  /** Flow ids or flow names. */
  flows?: string[] | undefined;
  deploymentIds?: string[] | undefined;
  workPools?: string[] | undefined;
  workQueues?: string[] | undefined;
  /** Runs carrying all of these tags. */
  tags?: string[] | undefined;
  /** Which time the window applies to. */
  timeField?: 'expected_start_time' | 'start_time' | undefined;
  since?: string | undefined;
  until?: string | undefined;
  filter?: PrefectRunFilter | undefined;
}

/** The Prefect filter body for a flow run query (no paging, no sort). */
export function flowRunFilterBody(query: FlowRunQuery): Record<string, unknown> {
  const flowIds = query.flows?.filter(isUuid);
  const flowNames = query.flows?.filter((f) => !isUuid(f));
  const window =
    query.since || query.until ? { after_: query.since, before_: query.until } : undefined;
  const timeField = query.timeField ?? 'expected_start_time';
  const simple = compact({
    flows: {
      id: flowIds?.length ? { any_: flowIds } : undefined,
      name: flowNames?.length ? { any_: flowNames } : undefined,
    },
    flow_runs: {
      state: {
        type: query.stateTypes?.length ? { any_: query.stateTypes } : undefined,
        name: query.stateNames?.length ? { any_: query.stateNames } : undefined,
      },
      deployment_id: query.deploymentIds?.length ? { any_: query.deploymentIds } : undefined,
      work_queue_name: query.workQueues?.length ? { any_: query.workQueues } : undefined,
      tags: query.tags?.length ? { all_: query.tags } : undefined,
      [timeField]: window,
    },
    work_pools: { name: query.workPools?.length ? { any_: query.workPools } : undefined },
  });
  return mergeFilters(simple ?? {}, query.filter);
}

/** POST /flow_runs/filter, offset-paged. */
export async function listFlowRuns(
  ctx: PrefectContext,
  query: FlowRunQuery & {
    sort?: FlowRunSort | undefined;
    limit: number;
    cursor?: string | undefined;
  },
  options?: CallOptions,
): Promise<Page<PrefectFlowRunView>> {
  const request = {
    path: 'flow_runs/filter',
    filter: flowRunFilterBody(query),
    sort: query.sort ?? 'EXPECTED_START_TIME_DESC',
    schema: PrefectFlowRunSchema,
    operation: 'list flow runs',
    map: (raw: PrefectFlowRun[]) => raw.map((run) => mapFlowRun(run, ctx.uiBase)),
  };
  return fetchFilterPage(ctx, request, query, options);
}

/** POST /flow_runs/count. */
export async function countFlowRuns(
  ctx: PrefectContext,
  query: FlowRunQuery,
  options?: CallOptions,
): Promise<number> {
  return ctx.http.request({
    method: 'POST',
    path: 'flow_runs/count',
    body: flowRunFilterBody(query),
    idempotent: true,
    signal: options?.signal,
    schema: z.number(),
    operation: 'count flow runs',
  });
}

/** GET /flow_runs/{id}. */
export async function getFlowRun(
  ctx: PrefectContext,
  id: string,
  options?: CallOptions,
): Promise<PrefectFlowRunView> {
  const raw = await ctx.http.request({
    method: 'GET',
    path: `flow_runs/${encodeURIComponent(id)}`,
    signal: options?.signal,
    schema: PrefectFlowRunSchema,
    operation: 'get flow run',
  });
  return mapFlowRun(raw, ctx.uiBase);
}

export interface TaskRunQuery {
  /** The flow run whose task runs to list; or `ids` to read given task runs of any flow run. */
  flowRunId?: string | undefined;
  ids?: string[] | undefined;
  stateTypes?: StateType[] | undefined;
  stateNames?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** POST /task_runs/filter for one flow run, in start order, offset-paged. */
export async function listTaskRuns(
  ctx: PrefectContext,
  query: TaskRunQuery,
  options?: CallOptions,
): Promise<Page<PrefectTaskRunView>> {
  const taskRuns = compact({
    id: query.ids?.length ? { any_: query.ids } : undefined,
    flow_run_id: query.flowRunId ? { any_: [query.flowRunId] } : undefined,
    state: {
      type: query.stateTypes?.length ? { any_: query.stateTypes } : undefined,
      name: query.stateNames?.length ? { any_: query.stateNames } : undefined,
    },
  });
  const request = {
    path: 'task_runs/filter',
    filter: { task_runs: taskRuns },
    sort: 'EXPECTED_START_TIME_ASC',
    schema: PrefectTaskRunSchema,
    operation: 'list task runs',
    map: (raw: PrefectTaskRun[]) => raw.map(mapTaskRun),
  };
  return fetchFilterPage(ctx, request, query, options);
}

/**
 * A tool's `flowRunId` for a paged read of that run's task runs or logs. Prefect answers an
 * unknown flow run with an empty list, so the first page (no cursor) checks that it exists.
 */
export async function existingFlowRunId(
  client: { getFlowRun(id: string, options?: CallOptions): Promise<unknown> },
  input: { flowRunId: string; cursor?: string | undefined },
  options?: CallOptions,
): Promise<string> {
  const flowRunId = parseFlowRunId(input.flowRunId);
  if (!input.cursor) await client.getFlowRun(flowRunId, options);
  return flowRunId;
}
