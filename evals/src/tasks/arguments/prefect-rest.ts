import type { SeedContext } from '../../task.js';

/**
 * Seeding and truth through Prefect's own REST API (prefect/server/api), for the arguments
 * tasks. Nothing here goes through the gateway.
 */

export type PrefectStateType = 'COMPLETED' | 'FAILED' | 'CRASHED' | 'CANCELLED' | 'RUNNING';

const STATE_NAMES: Record<PrefectStateType, string> = {
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CRASHED: 'Crashed',
  CANCELLED: 'Cancelled',
  RUNNING: 'Running',
};

/**
 * ctx.rest, again on a 503: Prefect's SQLite answers 503 when concurrent seeds hold its write
 * lock; the request did nothing and is safe to repeat.
 */
async function rest<T>(ctx: SeedContext, url: string, body: unknown): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.rest<T>(url, { body });
    } catch (error) {
      if (attempt >= 8 || !/ answered 503:/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export async function createFlow(ctx: SeedContext, name: string): Promise<string> {
  const flow = await rest<{ id: string }>(ctx, `${ctx.prefectUrl}/flows/`, { name });
  return flow.id;
}

/** Creates a flow run and forces it into `type` (as Prefect's own client does in tests). */
export async function createFlowRun(
  ctx: SeedContext,
  flowId: string,
  name: string,
  type: PrefectStateType,
  message?: string,
): Promise<string> {
  const run = await rest<{ id: string }>(ctx, `${ctx.prefectUrl}/flow_runs/`, {
    flow_id: flowId,
    name,
  });
  await rest(ctx, `${ctx.prefectUrl}/flow_runs/${run.id}/set_state`, {
    state: { type, name: STATE_NAMES[type], message: message ?? null },
    force: true,
  });
  return run.id;
}

export interface PrefectFlowRunRow {
  id: string;
  name: string;
  state_type: string | null;
}

/** Flow runs of a flow (by name), optionally of some state types, per Prefect's own filter. */
export async function flowRunsOf(
  ctx: SeedContext,
  flowName: string,
  stateTypes?: PrefectStateType[],
): Promise<PrefectFlowRunRow[]> {
  return ctx.rest<PrefectFlowRunRow[]>(`${ctx.prefectUrl}/flow_runs/filter`, {
    body: {
      flows: { name: { any_: [flowName] } },
      ...(stateTypes ? { flow_runs: { state: { type: { any_: stateTypes } } } } : {}),
      limit: 200,
    },
  });
}

export interface PrefectLogRow {
  level: number;
  message: string;
  timestamp: string;
}

/** Writes log lines for a flow run (levels as Python's logging: 20 INFO, 30 WARNING, 40 ERROR). */
export async function writeLogs(
  ctx: SeedContext,
  flowRunId: string,
  lines: { level: number; message: string }[],
): Promise<void> {
  const start = Date.now() - lines.length * 1000;
  await rest(
    ctx,
    `${ctx.prefectUrl}/logs/`,
    lines.map((line, index) => ({
      name: 'prefect.flow_runs',
      level: line.level,
      message: line.message,
      timestamp: new Date(start + index * 1000).toISOString(),
      flow_run_id: flowRunId,
    })),
  );
}

/** A flow run's log lines at or above `minLevel`, oldest first, per Prefect's own filter. */
export async function logsOf(
  ctx: SeedContext,
  flowRunId: string,
  minLevel: number,
): Promise<PrefectLogRow[]> {
  return ctx.rest<PrefectLogRow[]>(`${ctx.prefectUrl}/logs/filter`, {
    body: {
      logs: { flow_run_id: { any_: [flowRunId] }, level: { ge_: minLevel } },
      sort: 'TIMESTAMP_ASC',
      limit: 200,
    },
  });
}
