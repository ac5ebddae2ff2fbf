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

/** Where a run's artifacts live on the tracking server's artifact proxy (--serve-artifacts). */
async function artifactBase(ctx: SeedContext, runId: string): Promise<string> {
  const { run } = await ctx.rest<{ run: { info: { artifact_uri: string } } }>(
    `${api(ctx, 'runs/get')}?run_id=${encodeURIComponent(runId)}`,
  );
  const uri = run.info.artifact_uri;
  const prefix = 'mlflow-artifacts:/';
  if (!uri.startsWith(prefix)) throw new Error(`unexpected artifact uri ${uri}`);
  return `${ctx.mlflowUrl}/api/2.0/mlflow-artifacts/artifacts/${uri.slice(prefix.length).replace(/^\/+/, '')}`;
}

/** Uploads one file to a run's artifacts, as mlflow.log_text would. */
export async function uploadArtifact(
  ctx: SeedContext,
  runId: string,
  path: string,
  content: string,
): Promise<void> {
  const response = await fetch(`${await artifactBase(ctx, runId)}/${path}`, {
    method: 'PUT',
    body: content,
  });
  if (!response.ok) {
    throw new Error(`uploading ${path} answered ${response.status}: ${await response.text()}`);
  }
}

/** Downloads one artifact's text through the tracking server. */
export async function downloadArtifact(
  ctx: SeedContext,
  runId: string,
  path: string,
): Promise<string> {
  const response = await fetch(`${await artifactBase(ctx, runId)}/${path}`);
  if (!response.ok) {
    throw new Error(`downloading ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.text();
}

/** Every file under a run's artifact root (recursively), with sizes, per MLflow's list API. */
export async function listArtifactFiles(
  ctx: SeedContext,
  runId: string,
  path = '',
): Promise<{ path: string; size: number }[]> {
  const { files } = await ctx.rest<{
    files?: { path: string; is_dir: boolean; file_size?: number }[];
  }>(
    `${api(ctx, 'artifacts/list')}?run_id=${encodeURIComponent(runId)}${path ? `&path=${encodeURIComponent(path)}` : ''}`,
  );
  const out: { path: string; size: number }[] = [];
  for (const file of files ?? []) {
    if (file.is_dir) out.push(...(await listArtifactFiles(ctx, runId, file.path)));
    else out.push({ path: file.path, size: Number(file.file_size ?? 0) });
  }
  return out;
}

export async function createRegisteredModel(ctx: SeedContext, name: string): Promise<void> {
  await ctx.rest(api(ctx, 'registered-models/create'), { body: { name } });
}

export async function createModelVersion(
  ctx: SeedContext,
  name: string,
  runId: string,
): Promise<string> {
  const { model_version } = await ctx.rest<{ model_version: { version: string } }>(
    api(ctx, 'model-versions/create'),
    { body: { name, source: `runs:/${runId}/model`, run_id: runId } },
  );
  return model_version.version;
}

export async function setAlias(
  ctx: SeedContext,
  name: string,
  alias: string,
  version: string,
): Promise<void> {
  await ctx.rest(api(ctx, 'registered-models/alias'), { body: { name, alias, version } });
}

export async function versionByAlias(
  ctx: SeedContext,
  name: string,
  alias: string,
): Promise<{ version: string; run_id: string; source: string }> {
  const { model_version } = await ctx.rest<{
    model_version: { version: string; run_id: string; source: string };
  }>(
    `${api(ctx, 'registered-models/alias')}?name=${encodeURIComponent(name)}&alias=${encodeURIComponent(alias)}`,
  );
  return model_version;
}

/** Compares two values exactly and says what differs (for checks). */
export function expectEqual(problems: string[], what: string, got: unknown, want: unknown): void {
  const a = JSON.stringify(got);
  const b = JSON.stringify(want);
  if (a !== b) problems.push(`${what}: got ${a}, expected ${b}`);
}

/** Sorted copy, for comparing sets of ids. */
export const sorted = (values: readonly string[] | undefined): string[] =>
  [...(values ?? [])].sort();
