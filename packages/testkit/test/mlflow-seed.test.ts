import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MlflowSeed, type RunningServer, startSeededMlflow } from '../src/index.js';
import { mlflowGet, mlflowPost } from './helpers.js';

// The testkit's own tests start their own servers: they prove the launcher and the seed
// themselves, on a server nothing else has touched.

interface RestRun {
  info: { run_id: string; experiment_id: string; status: string; run_name: string };
  data: {
    params?: { key: string; value: string }[];
    tags?: { key: string; value: string }[];
  };
}

describe('seedMlflow', () => {
  let server: RunningServer;
  let seed: MlflowSeed;
  const allExperimentIds = () => seed.experiments.map((e) => e.id);

  beforeAll(async () => {
    ({ server, seed } = await startSeededMlflow());
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates the three experiments named in the manifest', async () => {
    const body = await mlflowPost<{ experiments: { experiment_id: string; name: string }[] }>(
      server.url,
      '/api/2.0/mlflow/experiments/search',
      { max_results: 100 },
    );
    const names = body.experiments.map((e) => e.name);
    expect(seed.experiments.map((e) => e.name)).toEqual([
      'llama-finetune',
      'eval-harness',
      'baseline-sklearn',
    ]);
    for (const exp of seed.experiments) expect(names).toContain(exp.name);
  });

  it('seeds runs sharing one invocation_id across experiments', async () => {
    expect(seed.invocationId).toMatch(/^[0-9a-f]{16}$/);
    const body = await mlflowPost<{ runs: RestRun[] }>(server.url, '/api/2.0/mlflow/runs/search', {
      experiment_ids: allExperimentIds(),
      filter: `tags.invocation_id = '${seed.invocationId}'`,
      max_results: 100,
    });
    const expected = seed.runs.filter((r) => r.invocationId === seed.invocationId);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(body.runs.map((r) => r.info.run_id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(new Set(body.runs.map((r) => r.info.experiment_id)).size).toBe(2);
    for (const run of body.runs) {
      const param = run.data.params?.find((p) => p.key === 'invocation_id');
      expect(param?.value).toBe(seed.invocationId);
    }
  });

  it('seeds a separate run under a different invocation_id', async () => {
    expect(seed.otherInvocationId).not.toBe(seed.invocationId);
    const body = await mlflowPost<{ runs: RestRun[] }>(server.url, '/api/2.0/mlflow/runs/search', {
      experiment_ids: allExperimentIds(),
      filter: `params.invocation_id = '${seed.otherInvocationId}'`,
    });
    expect(body.runs).toHaveLength(1);
  });

  it('seeds finished, failed and running runs', async () => {
    expect(seed.runs.length).toBeGreaterThanOrEqual(8);
    const body = await mlflowPost<{ runs: RestRun[] }>(server.url, '/api/2.0/mlflow/runs/search', {
      experiment_ids: allExperimentIds(),
      max_results: 100,
    });
    const statuses = body.runs.map((r) => r.info.status);
    expect(statuses).toContain('FINISHED');
    expect(statuses.filter((s) => s === 'FAILED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'RUNNING')).toHaveLength(1);
    const byId = new Map(body.runs.map((r) => [r.info.run_id, r.info.status]));
    for (const run of seed.runs) expect(byId.get(run.id)).toBe(run.status);
  });

  it('records a 50-step train/loss history', async () => {
    const run = seed.runs.find((r) => r.name.startsWith('sft-') && r.status === 'FINISHED')!;
    const body = await mlflowGet<{ metrics: { step: number; timestamp: number }[] }>(
      server.url,
      '/api/2.0/mlflow/metrics/get-history',
      { run_id: run.id, metric_key: 'train/loss', max_results: '1000' },
    );
    expect(body.metrics).toHaveLength(50);
    const steps = body.metrics.map((m) => m.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('lays out evaluation artifacts that the REST API can list and download', async () => {
    const run = seed.runs.find((r) => r.invocationId && r.status === 'FINISHED')!;
    const listing = await mlflowGet<{ files: { path: string; is_dir: boolean }[] }>(
      server.url,
      '/api/2.0/mlflow/artifacts/list',
      { run_id: run.id, path: 'artifacts' },
    );
    expect(listing.files.map((f) => f.path).sort()).toEqual([
      'artifacts/config.yml',
      'artifacts/eval_factory_metrics.json',
      'artifacts/results.yml',
    ]);
    const res = await fetch(
      `${server.url}/get-artifact?${new URLSearchParams({ run_id: run.id, path: 'artifacts/eval_factory_metrics.json' })}`,
    );
    expect(res.status).toBe(200);
    const metrics = (await res.json()) as { model: string; score: number };
    expect(metrics.model).toBe('llama-3-8b-ft');
    expect(metrics.score).toBeGreaterThan(0);
  });

  it('registers a model with two versions and a champion alias on version 2', async () => {
    const body = await mlflowGet<{ model_version: { version: string; aliases?: string[] } }>(
      server.url,
      '/api/2.0/mlflow/registered-models/alias',
      { name: seed.registeredModel, alias: 'champion' },
    );
    expect(body.model_version.version).toBe('2');
    expect(seed.modelVersions.map((v) => v.version)).toEqual(['1', '2']);
  });
});
