import type { SeedContext } from '../../task.js';

/**
 * Seeding and truth through Prefect's own REST API (much faster than starting Python's prefect).
 * Shared by the prefect tasks; nothing here goes through the gateway.
 */

export interface FlowRunRow {
  id: string;
  name: string;
  flow_id: string;
  deployment_id?: string | null;
  state_type?: string | null;
  state_name?: string | null;
  state?: { type: string; name: string; message?: string | null } | null;
  expected_start_time?: string | null;
  start_time?: string | null;
  end_time?: string | null;
  tags?: string[];
}

const url = (ctx: SeedContext, path: string) => `${ctx.prefectUrl}/${path}`;

/**
 * ctx.rest with the retries Prefect's own client makes: a SQLite-backed server answers 503 while
 * its database is locked by concurrent writers (several tasks seed at once).
 */
async function call<T = unknown>(
  ctx: SeedContext,
  target: string,
  init?: { method?: string; body?: unknown },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.rest<T>(target, init);
    } catch (error) {
      if (attempt >= 6 || !/answered (503|502|429)/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

export async function createFlow(ctx: SeedContext, name: string): Promise<string> {
  return (await call<{ id: string }>(ctx, url(ctx, 'flows/'), { body: { name } })).id;
}

export async function createWorkPool(ctx: SeedContext, name: string): Promise<void> {
  await call(ctx, url(ctx, 'work_pools/'), { body: { name, type: 'process' } });
}

/** One heartbeat of a worker, which makes the pool READY for `intervalSeconds` × 3. */
export async function heartbeat(
  ctx: SeedContext,
  pool: string,
  worker: string,
  intervalSeconds = 3600,
): Promise<void> {
  await call(ctx, url(ctx, `work_pools/${encodeURIComponent(pool)}/workers/heartbeat`), {
    body: { name: worker, heartbeat_interval_seconds: intervalSeconds },
  });
}

export async function createDeployment(
  ctx: SeedContext,
  flowId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return (
    await call<{ id: string }>(ctx, url(ctx, 'deployments/'), {
      body: { flow_id: flowId, name, ...extra },
    })
  ).id;
}

export interface RunSpec {
  flowId: string;
  name: string;
  /** Created through the deployment, so the run gets its work pool and queue. */
  deploymentId?: string;
  /** Final state type, forced (FAILED, CRASHED, COMPLETED, RUNNING, PENDING...). */
  state?: string;
  message?: string;
  tags?: string[];
  /** Creates the run SCHEDULED at this time (expected_start_time), named `scheduledName`. */
  scheduledAt?: Date;
  scheduledName?: string;
}

/** Creates a flow run, then forces it into `state` (which emits Prefect's state event). */
export async function createFlowRun(ctx: SeedContext, spec: RunSpec): Promise<string> {
  const initial = spec.scheduledAt
    ? {
        type: 'SCHEDULED',
        name: spec.scheduledName ?? 'Scheduled',
        state_details: { scheduled_time: spec.scheduledAt.toISOString() },
      }
    : undefined;
  const body = {
    name: spec.name,
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(initial ? { state: initial } : {}),
  };
  const run = spec.deploymentId
    ? await call<{ id: string }>(
        ctx,
        url(ctx, `deployments/${spec.deploymentId}/create_flow_run`),
        {
          body,
        },
      )
    : await call<{ id: string }>(ctx, url(ctx, 'flow_runs/'), {
        body: { ...body, flow_id: spec.flowId },
      });
  if (spec.state) await setState(ctx, run.id, spec.state, spec.message);
  return run.id;
}

export async function setState(
  ctx: SeedContext,
  flowRunId: string,
  type: string,
  message?: string,
): Promise<void> {
  await call(ctx, url(ctx, `flow_runs/${flowRunId}/set_state`), {
    body: { state: { type, ...(message ? { message } : {}) }, force: true },
  });
}

export async function createTaskRun(
  ctx: SeedContext,
  spec: { flowRunId: string; name: string; tags?: string[]; state: string },
): Promise<string> {
  return (
    await call<{ id: string }>(ctx, url(ctx, 'task_runs/'), {
      body: {
        flow_run_id: spec.flowRunId,
        task_key: spec.name.replace(/-\d+$/, ''),
        dynamic_key: spec.name,
        name: spec.name,
        tags: spec.tags ?? [],
        state: { type: spec.state },
      },
    })
  ).id;
}

/** Log lines of a run, `secondsAgo` before now; levels 20 INFO, 30 WARNING, 40 ERROR. */
export async function writeLogs(
  ctx: SeedContext,
  flowRunId: string,
  lines: { level: number; message: string; secondsAgo: number }[],
): Promise<void> {
  const now = Date.now();
  await call(ctx, url(ctx, 'logs/'), {
    body: lines.map((l) => ({
      name: 'prefect.flow_runs',
      level: l.level,
      message: l.message,
      timestamp: new Date(now - l.secondsAgo * 1000).toISOString(),
      flow_run_id: flowRunId,
    })),
  });
}

export async function readLogs(
  ctx: SeedContext,
  flowRunId: string,
  minLevel = 0,
): Promise<{ level: number; message: string; timestamp: string }[]> {
  return call(ctx, url(ctx, 'logs/filter'), {
    body: {
      logs: { flow_run_id: { any_: [flowRunId] }, level: { ge_: minLevel } },
      sort: 'TIMESTAMP_ASC',
      limit: 200,
    },
  });
}

export async function createAutomation(
  ctx: SeedContext,
  name: string,
  trigger: Record<string, unknown>,
  enabled = true,
): Promise<string> {
  return (
    await call<{ id: string }>(ctx, url(ctx, 'automations/'), {
      body: {
        name,
        enabled,
        trigger: { type: 'event', posture: 'Reactive', threshold: 1, within: 0, ...trigger },
        actions: [{ type: 'do-nothing' }],
      },
    })
  ).id;
}

export async function readAutomation(
  ctx: SeedContext,
  id: string,
): Promise<{
  name: string;
  enabled: boolean;
  trigger: { expect?: string[]; threshold?: number; match_related?: unknown };
}> {
  return call(ctx, url(ctx, `automations/${id}`));
}

/** Events about a resource in the last day, oldest first. */
export async function eventsOf(
  ctx: SeedContext,
  resourceId: string,
): Promise<{ event: string; occurred: string }[]> {
  const page = await call<{ events: { event: string; occurred: string }[] }>(
    ctx,
    url(ctx, 'events/filter'),
    {
      body: {
        filter: {
          occurred: { since: new Date(Date.now() - 86_400_000).toISOString() },
          resource: { id: [resourceId] },
          order: 'ASC',
        },
        limit: 50,
      },
    },
  );
  return page.events;
}

/** Waits until the event store holds `event` about the flow run (events are written in batches). */
export async function waitForRunEvent(
  ctx: SeedContext,
  flowRunId: string,
  event: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const events = await eventsOf(ctx, `prefect.flow-run.${flowRunId}`);
    if (events.some((e) => e.event === event)) return;
    if (Date.now() > deadline) throw new Error(`no ${event} event on flow run ${flowRunId}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function filterRuns(
  ctx: SeedContext,
  body: Record<string, unknown>,
): Promise<FlowRunRow[]> {
  return call(ctx, url(ctx, 'flow_runs/filter'), { body: { limit: 200, ...body } });
}

export async function readFlowRun(ctx: SeedContext, id: string): Promise<FlowRunRow> {
  return call(ctx, url(ctx, `flow_runs/${id}`));
}

export async function readDeployment(
  ctx: SeedContext,
  id: string,
): Promise<{ name: string; paused: boolean; schedules: { active: boolean }[] }> {
  return call(ctx, url(ctx, `deployments/${id}`));
}

export async function readWorkers(
  ctx: SeedContext,
  pool: string,
): Promise<{ name: string; status: string }[]> {
  return call(ctx, url(ctx, `work_pools/${encodeURIComponent(pool)}/workers/filter`), { body: {} });
}

/** A tag concurrency limit and one slot of it leased to a task run, as the engine takes it. */
export async function holdTagSlot(
  ctx: SeedContext,
  tag: string,
  limit: number,
  taskRunId: string,
): Promise<void> {
  await call(ctx, url(ctx, 'concurrency_limits/'), { body: { tag, concurrency_limit: limit } });
  await call(ctx, url(ctx, 'v2/concurrency_limits/increment-with-lease'), {
    body: {
      names: [`tag:${tag}`],
      slots: 1,
      mode: 'concurrency',
      lease_duration: 86_400,
      holder: { type: 'task_run', id: taskRunId },
    },
  });
}

/** The task runs holding a tag limit's slots, per Prefect. */
export async function tagSlotHolders(ctx: SeedContext, tag: string): Promise<string[]> {
  const limit = await call<{ active_slots: string[] }>(
    ctx,
    url(ctx, `concurrency_limits/tag/${encodeURIComponent(tag)}`),
  );
  return limit.active_slots;
}

export async function readTaskRun(
  ctx: SeedContext,
  id: string,
): Promise<{ id: string; name: string; flow_run_id: string }> {
  return call(ctx, url(ctx, `task_runs/${id}`));
}

/** The last line of a Python traceback ("KeyError: 'x'"). */
export function exceptionLine(text: string): string {
  return text.trim().split('\n').pop()!.trim();
}

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
