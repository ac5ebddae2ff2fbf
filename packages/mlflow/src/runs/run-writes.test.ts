import { randomUUID } from 'node:crypto';
import type { AnyToolDefinition } from '@mlops-mcp/core';
import { rejection as failure, issuePaths, runTool } from '@mlops-mcp/testkit';
import { MockAgent } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { createExperimentTool } from '../experiments/create-experiment.js';
import { createMlflowAdapter, type MlflowAdapter } from '../index.js';
import { createRunTool } from './create-run.js';
import { deleteRunTool } from './delete-run.js';
import { deleteRunTagTool } from './delete-run-tag.js';
import { findRunsByTagTool } from './find-runs-by-tag.js';
import { getRunTool } from './get-run.js';
import { logBatchTool } from './log-batch.js';
import { logInputsTool } from './log-inputs.js';
import { logMetricTool } from './log-metric.js';
import { logParamTool } from './log-param.js';
import { restoreRunTool } from './restore-run.js';
import { runWritesTools } from './run-writes-tools.js';
import { getRunDatasetInputs } from './runs-api.js';
import { searchRunsTool } from './search-runs.js';
import { updateRunTool } from './update-run.js';

const { seed, mlflow } = useSharedMlflow();
/** An experiment of this file's own, so created runs never show up in the seeded ones. */
let scratchExperimentId: string;

beforeAll(async () => {
  scratchExperimentId = (
    await runTool(createExperimentTool, mlflow, { name: `run-writes-${randomUUID().slice(0, 8)}` })
  ).id;
});

const UNKNOWN_RUN = 'ffffffffffffffffffffffffffffffff';

async function freshRun(args: Record<string, unknown> = {}) {
  return runTool(createRunTool, mlflow, { experimentId: scratchExperimentId, ...args });
}

const getRun = (runId: string) => runTool(getRunTool, mlflow, { runId });

/** A metric's full history, read straight from MLflow's REST API. */
async function metricHistory(runId: string, key: string) {
  const response = await mlflow.http.request({
    method: 'GET',
    path: 'api/2.0/mlflow/metrics/get-history',
    query: { run_id: runId, metric_key: key, max_results: 25_000 },
    schema: z.object({
      metrics: z
        .array(
          z.object({
            value: z.union([z.number(), z.string()]),
            step: z.coerce.number().optional().default(0),
            timestamp: z.coerce.number(),
          }),
        )
        .optional()
        .default([]),
    }),
    operation: 'test: metric history',
  });
  return response.metrics;
}

async function searchRunIds(includeDeleted = false): Promise<string[]> {
  const page = await runTool(searchRunsTool, mlflow, {
    experimentIds: [scratchExperimentId],
    includeDeleted,
    limit: 1000,
  });
  return page.items.map((run) => run.id!);
}

describe('run write tool list', () => {
  it('marks every tool but the finder as a write that is never marked idempotent', () => {
    for (const tool of runWritesTools) {
      expect(tool.toolsets).toEqual(['runs']);
      expect(tool.access).toBe(tool.name === 'mlflow_find_runs_by_tag' ? 'read' : 'write');
      if (tool.access === 'write') expect(tool.idempotent).toBeUndefined();
    }
    expect(runWritesTools.map((tool) => tool.name).sort()).toEqual([
      'mlflow_create_run',
      'mlflow_delete_run',
      'mlflow_delete_run_tag',
      'mlflow_find_runs_by_tag',
      'mlflow_log_batch',
      'mlflow_log_inputs',
      'mlflow_log_metric',
      'mlflow_log_param',
      'mlflow_restore_run',
      'mlflow_update_run',
    ]);
  });
});

describe('mlflow_create_run', () => {
  it('creates a running run with name, start time and tags that mlflow_get_run shows', async () => {
    const created = await freshRun({
      runName: 'writes-create',
      startTime: '2026-01-02T03:04:05Z',
      tags: { stage: 'eval', owner: 'agent' },
    });
    expect(created).toMatchObject({
      name: 'writes-create',
      experimentId: scratchExperimentId,
      status: 'running',
      startedAt: '2026-01-02T03:04:05.000Z',
      tags: { stage: 'eval', owner: 'agent' },
    });
    const read = await getRun(created.id);
    expect(read).toMatchObject({
      id: created.id,
      name: 'writes-create',
      status: 'running',
      rawStatus: 'RUNNING',
      startedAt: '2026-01-02T03:04:05.000Z',
      tags: { stage: 'eval', owner: 'agent' },
    });
  });

  it('names the parent of a nested run without asking for system tags', async () => {
    const parent = await freshRun({ runName: 'writes-parent' });
    const child = await freshRun({ runName: 'writes-child' });
    // MLflow nests a run by this system tag (what mlflow.start_run(nested=True) sets).
    await mlflow.http.request({
      method: 'POST',
      path: 'api/2.0/mlflow/runs/set-tag',
      body: { run_id: child.id, key: 'mlflow.parentRunId', value: parent.id },
      schema: z.object({}).passthrough(),
      operation: 'set tag',
    });
    const read = await getRun(child.id);
    expect(read.parentRunId).toBe(parent.id);
    expect(Object.keys(read.tags ?? {})).not.toContain('mlflow.parentRunId');
    expect((await getRun(parent.id)).parentRunId).toBeUndefined();
  });

  it('starts now and gets a generated name when neither is given', async () => {
    const before = Date.now();
    const created = await runTool(createRunTool, mlflow, {
      experimentId: `mlflow://experiments/${scratchExperimentId}`,
    });
    expect(created.name).toBeTruthy();
    expect(Date.parse(created.startedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('answers an unknown experiment with not_found', async () => {
    const error = await failure(runTool(createRunTool, mlflow, { experimentId: '987654' }));
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_experiments/);
  });

  it('refuses a reserved mlflow.runName tag (MLflow rejects it beside a different runName)', async () => {
    const error = await failure(
      freshRun({ runName: 'x', tags: { 'mlflow.runName': 'y', ok: '1' } }),
    );
    expect(issuePaths(error)).toEqual(['tags.mlflow.runName']);
    expect(error.message).toMatch(/reserved.*runName/);
  });
});

describe('mlflow_update_run', () => {
  it('finishes a run now when given only a final status', async () => {
    const run = await freshRun();
    const before = Date.now();
    const updated = await runTool(updateRunTool, mlflow, { runId: run.id, status: 'FINISHED' });
    expect(updated).toMatchObject({ id: run.id, status: 'finished', rawStatus: 'FINISHED' });
    const read = await getRun(run.id);
    expect(read.status).toBe('finished');
    expect(Date.parse(read.endedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('sets status, end time and name together', async () => {
    const run = await freshRun({ startTime: 1_700_000_000_000 });
    const updated = await runTool(updateRunTool, mlflow, {
      runId: `mlflow://runs/${run.id}`,
      status: 'FAILED',
      endTime: 1_700_000_060_000,
      runName: 'renamed-run',
    });
    expect(updated).toMatchObject({ name: 'renamed-run', status: 'failed', durationMs: 60_000 });
    expect(await getRun(run.id)).toMatchObject({
      name: 'renamed-run',
      status: 'failed',
      endedAt: new Date(1_700_000_060_000).toISOString(),
    });
  });

  it('rejects an update with nothing to change', async () => {
    const error = await failure(runTool(updateRunTool, mlflow, { runId: UNKNOWN_RUN }));
    expect(error.message).toMatch(/at least one of status, endTime or runName/);
  });

  it('rejects a status MLflow does not have', async () => {
    const error = await failure(
      runTool(updateRunTool, mlflow, { runId: UNKNOWN_RUN, status: 'DONE' }),
    );
    expect(issuePaths(error)).toEqual(['status']);
  });

  it('answers an unknown run with not_found', async () => {
    const error = await failure(
      runTool(updateRunTool, mlflow, { runId: UNKNOWN_RUN, status: 'KILLED' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_runs/);
  });
});

describe('mlflow_log_metric', () => {
  it('appends points with step and timestamp to the metric history', async () => {
    const run = await freshRun();
    await runTool(logMetricTool, mlflow, {
      runId: run.id,
      key: 'val/accuracy',
      value: 0.5,
      step: 1,
      timestamp: 1_700_000_000_000,
    });
    const result = await runTool(logMetricTool, mlflow, {
      runId: run.id,
      key: 'val/accuracy',
      value: 0.75,
      step: 2,
      timestamp: '2026-01-01T00:00:00Z',
    });
    expect(result).toEqual({
      runId: run.id,
      key: 'val/accuracy',
      value: 0.75,
      step: 2,
      timestamp: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect((await getRun(run.id)).metrics).toEqual({ 'val/accuracy': 0.75 });
    const history = await metricHistory(run.id, 'val/accuracy');
    expect(history.map(({ value, step, timestamp }) => [value, step, timestamp])).toEqual([
      [0.5, 1, 1_700_000_000_000],
      [0.75, 2, Date.parse('2026-01-01T00:00:00Z')],
    ]);
  });

  it('defaults step to 0 and the timestamp to now, and accepts NaN', async () => {
    const run = await freshRun();
    const before = Date.now();
    const result = await runTool(logMetricTool, mlflow, {
      runId: run.id,
      key: 'loss',
      value: 'NaN',
    });
    expect(result.step).toBe(0);
    expect(result.timestamp).toBeGreaterThanOrEqual(before);
    expect((await getRun(run.id)).metrics).toEqual({ loss: 'NaN' });
  });

  it('refuses metric keys MLflow would reject, naming the field', async () => {
    const error = await failure(
      runTool(logMetricTool, mlflow, { runId: UNKNOWN_RUN, key: '../escape', value: 1 }),
    );
    expect(issuePaths(error)).toEqual(['key']);
  });

  it('answers an unknown run with not_found', async () => {
    const error = await failure(
      runTool(logMetricTool, mlflow, { runId: UNKNOWN_RUN, key: 'loss', value: 1 }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });
});

describe('mlflow_log_param', () => {
  it('logs a param that mlflow_get_run shows, and accepts the same value again', async () => {
    const run = await freshRun();
    const args = { runId: run.id, key: 'learning_rate', value: '0.001' };
    expect(await runTool(logParamTool, mlflow, args)).toEqual(args);
    await runTool(logParamTool, mlflow, args);
    expect((await getRun(run.id)).params).toEqual({ learning_rate: '0.001' });
  });

  it('answers a changed value with invalid_input explaining params are write-once', async () => {
    const run = await freshRun();
    await runTool(logParamTool, mlflow, { runId: run.id, key: 'lr', value: '0.1' });
    const error = await failure(
      runTool(logParamTool, mlflow, { runId: run.id, key: 'lr', value: '0.2' }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.hint).toMatch(/write-once/);
    expect((await getRun(run.id)).params).toEqual({ lr: '0.1' });
  });

  it('refuses a value longer than MLflow keeps', async () => {
    const error = await failure(
      runTool(logParamTool, mlflow, { runId: UNKNOWN_RUN, key: 'p', value: 'x'.repeat(6001) }),
    );
    expect(issuePaths(error)).toEqual(['value']);
  });
});

describe('mlflow_log_batch', () => {
  it('logs metrics, params and tags in one call', async () => {
    const run = await freshRun();
    const result = await runTool(logBatchTool, mlflow, {
      runId: run.id,
      metrics: [
        { key: 'loss', value: 1.5, step: 0, timestamp: 1_700_000_000_000 },
        { key: 'loss', value: 0.9, step: 10, timestamp: 1_700_000_010_000 },
        { key: 'acc', value: 0.8 },
      ],
      params: { lr: '0.01', batch_size: '32' },
      tags: { stage: 'sft', gpu: '1xA100' },
    });
    expect(result).toEqual({ runId: run.id, logged: { metrics: 3, params: 2, tags: 2 } });
    const read = await getRun(run.id);
    expect(read.metrics).toEqual({ loss: 0.9, acc: 0.8 });
    expect(read.params).toEqual({ lr: '0.01', batch_size: '32' });
    expect(read.tags).toEqual({ stage: 'sft', gpu: '1xA100' });
    expect((await metricHistory(run.id, 'loss')).map((point) => point.step)).toEqual([0, 10]);
  });

  it('accepts exactly 1000 metric points, the most MLflow takes in one batch', async () => {
    const run = await freshRun();
    const metrics = Array.from({ length: 1000 }, (_, step) => ({
      key: 'curve',
      value: step,
      step,
    }));
    await runTool(logBatchTool, mlflow, { runId: run.id, metrics });
    expect(await metricHistory(run.id, 'curve')).toHaveLength(1000);
  });

  it('rejects more than 1000 metrics, naming metrics', async () => {
    const metrics = Array.from({ length: 1001 }, (_, step) => ({ key: 'm', value: 1, step }));
    const error = await failure(runTool(logBatchTool, mlflow, { runId: UNKNOWN_RUN, metrics }));
    expect(issuePaths(error)).toContain('metrics');
    expect(error.message).toMatch(/metrics: at most 1000/);
  });

  it('rejects more than 100 params, naming params', async () => {
    const params = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, '1']));
    const error = await failure(runTool(logBatchTool, mlflow, { runId: UNKNOWN_RUN, params }));
    expect(issuePaths(error)).toEqual(['params']);
    expect(error.message).toMatch(/At most 100 params/);
  });

  it('rejects more than 100 tags, naming tags', async () => {
    const tags = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`t${i}`, '1']));
    const error = await failure(runTool(logBatchTool, mlflow, { runId: UNKNOWN_RUN, tags }));
    expect(issuePaths(error)).toEqual(['tags']);
    expect(error.message).toMatch(/At most 100 tags/);
  });

  it('rejects more than 1000 items in all, saying which fields count', async () => {
    const metrics = Array.from({ length: 1000 }, (_, step) => ({ key: 'm', value: 1, step }));
    const error = await failure(
      runTool(logBatchTool, mlflow, { runId: UNKNOWN_RUN, metrics, params: { p: '1' } }),
    );
    expect(error.message).toMatch(/metrics \+ params \+ tags: at most 1000 items .*got 1001/);
  });

  it('rejects an empty batch', async () => {
    const error = await failure(runTool(logBatchTool, mlflow, { runId: UNKNOWN_RUN }));
    expect(error.message).toMatch(/Nothing to log/);
  });

  it('refuses reserved mlflow.* tag keys, naming the key', async () => {
    const error = await failure(
      runTool(logBatchTool, mlflow, { runId: UNKNOWN_RUN, tags: { 'mlflow.user': 'x' } }),
    );
    expect(issuePaths(error)).toEqual(['tags.mlflow.user']);
    expect(error.message).toMatch(/reserved/);
  });

  it('answers a batch that changes a param with invalid_input and logs none of it', async () => {
    const run = await freshRun();
    await runTool(logParamTool, mlflow, { runId: run.id, key: 'lr', value: '0.1' });
    const error = await failure(
      runTool(logBatchTool, mlflow, {
        runId: run.id,
        params: { lr: '0.2' },
        tags: { after: 'x' },
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.hint).toMatch(/write-once/);
    const read = await getRun(run.id);
    expect(read.params).toEqual({ lr: '0.1' });
  });
});

describe('mlflow_log_inputs', () => {
  it('records a dataset with its context, source, schema and profile', async () => {
    const run = await freshRun();
    const result = await runTool(logInputsTool, mlflow, {
      runId: run.id,
      datasets: [
        {
          name: 'ultrachat_200k',
          digest: 'd1e2f3a4',
          sourceType: 'hugging_face',
          source: 'HuggingFaceH4/ultrachat_200k',
          schema: { mlflow_colspec: [{ name: 'prompt', type: 'string' }] },
          profile: { num_rows: 200000 },
          context: 'training',
          tags: { split: 'train_sft' },
        },
        {
          name: 'holdout',
          sourceType: 's3',
          source: 's3://bucket/holdout.parquet',
          context: 'evaluation',
        },
      ],
    });
    expect(result.datasets[0]).toEqual({
      name: 'ultrachat_200k',
      digest: 'd1e2f3a4',
      sourceType: 'hugging_face',
      context: 'training',
    });
    expect(result.datasets[1]!.digest).toMatch(/^[0-9a-f]{8}$/);

    const inputs = await getRunDatasetInputs(mlflow, run.id);
    const byName = Object.fromEntries(inputs.map((input) => [input.dataset.name, input]));
    expect(byName.ultrachat_200k).toEqual({
      tags: [
        { key: 'mlflow.data.context', value: 'training' },
        { key: 'split', value: 'train_sft' },
      ],
      dataset: {
        name: 'ultrachat_200k',
        digest: 'd1e2f3a4',
        source_type: 'hugging_face',
        source: JSON.stringify({ path: 'HuggingFaceH4/ultrachat_200k' }),
        schema: JSON.stringify({ mlflow_colspec: [{ name: 'prompt', type: 'string' }] }),
        profile: JSON.stringify({ num_rows: 200000 }),
      },
    });
    expect(byName.holdout!.dataset).toMatchObject({
      source_type: 's3',
      source: JSON.stringify({ uri: 's3://bucket/holdout.parquet' }),
      digest: result.datasets[1]!.digest,
    });
    expect(byName.holdout!.tags).toEqual([{ key: 'mlflow.data.context', value: 'evaluation' }]);
  });

  it('records the same dataset only once when logged again', async () => {
    const run = await freshRun();
    const dataset = { name: 'again', sourceType: 'local', source: '/data/again.csv' };
    const first = await runTool(logInputsTool, mlflow, { runId: run.id, datasets: [dataset] });
    const second = await runTool(logInputsTool, mlflow, { runId: run.id, datasets: [dataset] });
    expect(second.datasets[0]!.digest).toBe(first.datasets[0]!.digest);
    expect(await getRunDatasetInputs(mlflow, run.id)).toHaveLength(1);
  });

  it('refuses a digest longer than MLflow stores, naming the field', async () => {
    const error = await failure(
      runTool(logInputsTool, mlflow, {
        runId: UNKNOWN_RUN,
        datasets: [{ name: 'd', digest: 'x'.repeat(37), sourceType: 'local', source: '/d' }],
      }),
    );
    expect(issuePaths(error)).toEqual(['datasets.0.digest']);
  });

  it('answers an unknown run with not_found', async () => {
    const error = await failure(
      runTool(logInputsTool, mlflow, {
        runId: UNKNOWN_RUN,
        datasets: [{ name: 'd', sourceType: 'local', source: '/d' }],
      }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });
});

describe('mlflow_delete_run_tag', () => {
  it('removes a tag that mlflow_get_run then no longer shows', async () => {
    const run = await freshRun({ tags: { keep: '1', drop: '2' } });
    expect(await runTool(deleteRunTagTool, mlflow, { runId: run.id, key: 'drop' })).toEqual({
      runId: run.id,
      key: 'drop',
      deleted: true,
    });
    expect((await getRun(run.id)).tags).toEqual({ keep: '1' });
  });

  it('answers a missing tag with not_found that points at the run tags', async () => {
    const run = await freshRun();
    const error = await failure(runTool(deleteRunTagTool, mlflow, { runId: run.id, key: 'nope' }));
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_get_run/);
  });

  it('refuses reserved mlflow.* keys', async () => {
    const error = await failure(
      runTool(deleteRunTagTool, mlflow, { runId: UNKNOWN_RUN, key: 'mlflow.runName' }),
    );
    expect(issuePaths(error)).toEqual(['key']);
    expect(error.message).toMatch(/reserved/);
  });
});

describe('mlflow_delete_run and mlflow_restore_run', () => {
  it('deletes a run out of searches and restores it', async () => {
    const run = await freshRun({ runName: 'to-delete' });
    expect(await runTool(deleteRunTool, mlflow, { runId: run.id })).toEqual({
      runId: run.id,
      lifecycle: 'deleted',
    });
    expect((await getRun(run.id)).lifecycle).toBe('deleted');
    expect(await searchRunIds()).not.toContain(run.id);
    expect(await searchRunIds(true)).toContain(run.id);

    expect(await runTool(restoreRunTool, mlflow, { runId: run.id })).toEqual({
      runId: run.id,
      lifecycle: 'active',
    });
    expect((await getRun(run.id)).lifecycle).toBeUndefined();
    expect(await searchRunIds()).toContain(run.id);
  });

  it('answers writes to a deleted run with invalid_input that says to restore it', async () => {
    const run = await freshRun();
    await runTool(deleteRunTool, mlflow, { runId: run.id });
    const error = await failure(
      runTool(logMetricTool, mlflow, { runId: run.id, key: 'loss', value: 1 }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.message).toMatch(/active/);
    expect(error.hint).toMatch(/mlflow_restore_run/);
  });

  it('answers an unknown run with not_found in both tools', async () => {
    const tools: AnyToolDefinition<MlflowAdapter>[] = [deleteRunTool, restoreRunTool];
    for (const tool of tools) {
      const error = await failure(runTool(tool, mlflow, { runId: UNKNOWN_RUN }));
      expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    }
  });
});

describe('mlflow_find_runs_by_tag', () => {
  const invocationRuns = () => seed.runs.filter((run) => run.invocationId === seed.invocationId);
  const experimentName = (id: string) => seed.experiments.find((e) => e.id === id)!.name;

  it('finds all four runs of an invocation across two experiments from the hex id alone', async () => {
    const result = await runTool(findRunsByTagTool, mlflow, { value: seed.invocationId });
    const expected = invocationRuns();
    expect(expected).toHaveLength(4);
    expect(result).toMatchObject({ key: 'invocation_id', value: seed.invocationId });
    expect(result.items.map((run) => run.id).sort()).toEqual(expected.map((run) => run.id).sort());
    for (const run of result.items) {
      expect(run.experimentName).toBe(experimentName(run.experimentId));
      expect(run.tags?.invocation_id).toBe(seed.invocationId);
    }
    expect(result.experiments.map((e) => e.name).sort()).toEqual([
      'eval-harness',
      'llama-finetune',
    ]);
  });

  it('reads "key = value" written in one string', async () => {
    const result = await runTool(findRunsByTagTool, mlflow, {
      value: `invocation_id = ${seed.invocationId}`,
    });
    expect(result.items).toHaveLength(4);
    expect(result.value).toBe(seed.invocationId);
  });

  it('takes another key, and matches a shortened id by prefix', async () => {
    const byTask = await runTool(findRunsByTagTool, mlflow, { key: 'task_name', value: 'gsm8k' });
    expect(byTask.items.map((run) => run.name)).toEqual([`eval-${seed.invocationId}-gsm8k`]);
    const byPrefix = await runTool(findRunsByTagTool, mlflow, {
      value: seed.invocationId.slice(0, 8),
      match: 'prefix',
    });
    expect(byPrefix.items).toHaveLength(4);
  });

  it('limits the search to given experiments and still names them', async () => {
    const evalHarness = seed.experiments.find((e) => e.name === 'eval-harness')!;
    const result = await runTool(findRunsByTagTool, mlflow, {
      value: seed.invocationId,
      experimentIds: [evalHarness.id],
    });
    expect(result.items).toHaveLength(3);
    expect(new Set(result.items.map((run) => run.experimentName))).toEqual(
      new Set(['eval-harness']),
    );
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const first = await runTool(findRunsByTagTool, mlflow, { value: seed.invocationId, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await runTool(findRunsByTagTool, mlflow, {
      value: seed.invocationId,
      limit: 3,
      cursor: first.nextCursor,
    });
    const ids = [...first.items, ...second.items].map((run) => run.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('answers an unknown id with no runs and a hint on what to try', async () => {
    const result = await runTool(findRunsByTagTool, mlflow, { value: '0000deadbeef0000' });
    expect(result.items).toEqual([]);
    expect(result.hint).toMatch(/pass key/);
  });

  it('leaves out a deleted run', async () => {
    const tag = `find-${randomUUID().slice(0, 8)}`;
    const kept = await freshRun({ tags: { batch_id: tag } });
    const gone = await freshRun({ tags: { batch_id: tag } });
    await runTool(deleteRunTool, mlflow, { runId: gone.id });
    const result = await runTool(findRunsByTagTool, mlflow, { key: 'batch_id', value: tag });
    expect(result.items.map((run) => run.id)).toEqual([kept.id]);
  });
});

describe('writes are sent once', () => {
  it('does not retry a write the backend answered with 503', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('http://mlflow.test');
    pool
      .intercept({ path: '/api/2.0/mlflow/runs/log-metric', method: 'POST' })
      .reply(503, 'busy')
      .times(1);
    pool.intercept({ path: '/api/2.0/mlflow/runs/log-metric', method: 'POST' }).reply(200, '{}');
    const offline = createMlflowAdapter(
      { trackingUri: 'http://mlflow.test' },
      { dispatcher: agent, retry: { baseDelayMs: 1, maxDelayMs: 1 } },
    );
    const error = await failure(
      runTool(logMetricTool, offline, { runId: UNKNOWN_RUN, key: 'loss', value: 1 }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
    // The second reply is still waiting: the write went out exactly once.
    expect(agent.pendingInterceptors()).toHaveLength(1);
    await agent.close();
  });
});
