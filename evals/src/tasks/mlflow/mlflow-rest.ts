import type { SeedContext } from '../../task.js';

/**
 * Seeding and truth through MLflow's own REST API (much faster than starting Python's mlflow).
 * Shared by the mlflow tasks; nothing here goes through the gateway.
 */

type Value = number | number[];

export interface RunSpec {
  name: string;
  status?: 'FINISHED' | 'FAILED' | 'KILLED' | 'RUNNING';
  params?: Record<string, string>;
  /** Latest value, or a history (one point per step, steps 0..n-1). */
  metrics?: Record<string, Value>;
  tags?: Record<string, string>;
  /** Epoch ms; default now. */
  startTime?: number;
  /** Makes this a nested (child) run. */
  parentRunId?: string;
}

export interface MlflowRunRow {
  info: {
    run_id: string;
    run_name?: string;
    status: string;
    start_time: number;
    end_time?: number;
    lifecycle_stage: string;
    experiment_id: string;
  };
  data: {
    metrics?: { key: string; value: number; step?: number }[];
    params?: { key: string; value: string }[];
    tags?: { key: string; value: string }[];
  };
}

const api = (ctx: SeedContext, path: string) => `${ctx.mlflowUrl}/api/2.0/mlflow/${path}`;

export async function createExperiment(ctx: SeedContext, name: string): Promise<string> {
  const { experiment_id } = await ctx.rest<{ experiment_id: string }>(
    api(ctx, 'experiments/create'),
    { body: { name } },
  );
  return experiment_id;
}

/** Creates one run with its params, metrics (histories logged step by step), tags and status. */
export async function createRun(
  ctx: SeedContext,
  experimentId: string,
  spec: RunSpec,
): Promise<string> {
  const start = spec.startTime ?? Date.now();
  const tags = Object.entries({
    ...spec.tags,
    ...(spec.parentRunId ? { 'mlflow.parentRunId': spec.parentRunId } : {}),
  }).map(([key, value]) => ({ key, value }));
  const { run } = await ctx.rest<{ run: { info: { run_id: string } } }>(api(ctx, 'runs/create'), {
    body: { experiment_id: experimentId, run_name: spec.name, start_time: start, tags },
  });
  const runId = run.info.run_id;
  const metrics = Object.entries(spec.metrics ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v, step) => ({
      key,
      value: v,
      step,
      timestamp: start + step * 1000,
    })),
  );
  const params = Object.entries(spec.params ?? {}).map(([key, value]) => ({ key, value }));
  if (metrics.length > 0 || params.length > 0) {
    await ctx.rest(api(ctx, 'runs/log-batch'), { body: { run_id: runId, metrics, params } });
  }
  const status = spec.status ?? 'FINISHED';
  if (status !== 'RUNNING') {
    await ctx.rest(api(ctx, 'runs/update'), {
      body: { run_id: runId, status, end_time: start + 60_000 },
    });
  }
  return runId;
}

export async function deleteRun(ctx: SeedContext, runId: string): Promise<void> {
  await ctx.rest(api(ctx, 'runs/delete'), { body: { run_id: runId } });
}

/** Every run of the experiments, per MLflow's own search (active runs only unless `all`). */
export async function searchRuns(
  ctx: SeedContext,
  experimentIds: string[],
  options: { filter?: string; orderBy?: string[]; viewType?: 'ACTIVE_ONLY' | 'ALL' } = {},
): Promise<MlflowRunRow[]> {
  const runs: MlflowRunRow[] = [];
  let pageToken: string | undefined;
  do {
    const page = await ctx.rest<{ runs?: MlflowRunRow[]; next_page_token?: string }>(
      api(ctx, 'runs/search'),
      {
        body: {
          experiment_ids: experimentIds,
          filter: options.filter ?? '',
          order_by: options.orderBy ?? [],
          run_view_type: options.viewType ?? 'ACTIVE_ONLY',
          max_results: 1000,
          ...(pageToken ? { page_token: pageToken } : {}),
        },
      },
    );
    runs.push(...(page.runs ?? []));
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  return runs;
}

export async function getRun(ctx: SeedContext, runId: string): Promise<MlflowRunRow> {
  const { run } = await ctx.rest<{ run: MlflowRunRow }>(
    `${api(ctx, 'runs/get')}?run_id=${encodeURIComponent(runId)}`,
  );
  return run;
}

export async function metricHistory(
  ctx: SeedContext,
  runId: string,
  key: string,
): Promise<{ step: number; value: number; timestamp: number }[]> {
  const { metrics } = await ctx.rest<{
    metrics?: { step?: number; value: number; timestamp: number }[];
  }>(
    `${api(ctx, 'metrics/get-history')}?run_id=${encodeURIComponent(runId)}&metric_key=${encodeURIComponent(key)}&max_results=25000`,
  );
  return (metrics ?? []).map((m) => ({
    step: m.step ?? 0,
    value: m.value,
    timestamp: m.timestamp,
  }));
}

export const metricOf = (run: MlflowRunRow, key: string): number | undefined =>
  run.data.metrics?.find((m) => m.key === key)?.value;
export const paramOf = (run: MlflowRunRow, key: string): string | undefined =>
  run.data.params?.find((p) => p.key === key)?.value;
export const tagOf = (run: MlflowRunRow, key: string): string | undefined =>
  run.data.tags?.find((t) => t.key === key)?.value;
