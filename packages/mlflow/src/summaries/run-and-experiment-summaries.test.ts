import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { metricsSeed, useSharedMlflow } from '../../test/shared-mlflow.js';
import { compareRunsTool } from './compare-runs.js';
import { getBestRunTool } from './get-best-run.js';
import { summarizeExperimentTool } from './summarize-experiment.js';
import { summarizeRunTool } from './summarize-run.js';

const { seed, mlflow } = useSharedMlflow();
const extras = metricsSeed(seed);

const experimentId = (name: string) => seed.experiments.find((e) => e.name === name)!.id;
const sftRun = (lr: string) => seed.runs.find((run) => run.name === `sft-llama-3-8b-lr${lr}`)!;
const latest = async (runId: string, key: string) =>
  (await mlflow.getRun(runId)).metrics![key] as number;

describe('mlflow_summarize_experiment', () => {
  it('counts runs by status and ranks them by a metric with their params', async () => {
    const result = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: experimentId('llama-finetune'),
      metric: 'train/loss',
      direction: 'asc',
      top: 3,
    });
    expect(result.experiment.name).toBe('llama-finetune');
    expect(result.runCount).toBe(4);
    expect(result.statusCounts).toEqual({ finished: 3, failed: 1 });
    expect(result.topRuns!.runsWithMetric).toBe(3);
    expect(result.topRuns!.runs.map((run) => run.name)).toEqual([
      'sft-llama-3-8b-lr3e-4',
      'sft-llama-3-8b-lr1e-4',
      'sft-llama-3-8b-lr1e-3',
    ]);
    expect(result.topRuns!.runs[0]!.params).toMatchObject({
      learning_rate: '0.0003',
      batch_size: '64',
    });
    expect(result.topRuns!.runs[0]!.value).toBe(await latest(sftRun('3e-4').id, 'train/loss'));
  });

  it('reports the spread of each metric across runs', async () => {
    const result = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: experimentId('llama-finetune'),
    });
    const losses = await Promise.all(
      ['1e-4', '3e-4', '1e-3'].map((lr) => latest(sftRun(lr).id, 'train/loss')),
    );
    expect(result.metrics['train/loss']).toEqual({
      runs: 3,
      min: Math.min(...losses),
      max: Math.max(...losses),
      mean: expect.closeTo(losses.reduce((a, b) => a + b) / 3, 10),
    });
    expect(result.metrics.mmlu_acc).toMatchObject({ runs: 1, min: 0.6623, max: 0.6623 });
    expect(result.topRuns).toBeUndefined();
  });

  it('ranks highest first with direction desc', async () => {
    const result = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: `mlflow://experiments/${experimentId('llama-finetune')}`,
      metric: 'val/accuracy',
      direction: 'desc',
      top: 1,
    });
    expect(result.topRuns!.runs.map((run) => run.name)).toEqual(['sft-llama-3-8b-lr3e-4']);
  });

  it('ranks an accuracy metric highest first when no direction is given, and says why', async () => {
    const result = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: experimentId('llama-finetune'),
      metric: 'val/accuracy',
      top: 1,
    });
    expect(result.topRuns).toMatchObject({ direction: 'desc', directionSource: 'name' });
    expect(result.topRuns!.directionNote).toContain('"accuracy"');
    expect(result.topRuns!.runs.map((run) => run.name)).toEqual(['sft-llama-3-8b-lr3e-4']);
  });

  it('names the runs left out of the ranking for lack of the metric', async () => {
    const result = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: experimentId('llama-finetune'),
      metric: 'mmlu_acc',
    });
    const experimentRuns = seed.runs.filter(
      (run) => run.experimentId === experimentId('llama-finetune'),
    );
    const without = result.topRuns!.runsWithoutMetric!;
    expect(result.topRuns!.runsWithMetric).toBe(1);
    expect(without.count).toBe(3);
    expect(without.runs.map((run) => run.id)).toHaveLength(3);
    for (const run of without.runs) {
      expect(experimentRuns.map((seeded) => seeded.id)).toContain(run.id);
      expect(run.name).toBeDefined();
    }
  });

  it('counts a running evaluation and summarises a filtered subset', async () => {
    const all = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: experimentId('eval-harness'),
    });
    expect(all.statusCounts).toEqual({ finished: 3, running: 1 });
    const subset = await runTool(summarizeExperimentTool, mlflow, {
      experimentId: experimentId('eval-harness'),
      filter: `tags.invocation_id = '${seed.otherInvocationId}'`,
    });
    expect(subset.runCount).toBe(1);
    expect(subset.metrics.mmlu_acc).toMatchObject({ runs: 1, min: 0.6211 });
  });

  it('answers an unknown experiment with not_found', async () => {
    await expect(
      runTool(summarizeExperimentTool, mlflow, { experimentId: '987654321' }),
    ).rejects.toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });
});

describe('mlflow_summarize_run', () => {
  it('gives each metric its full-history stats and lists the top-level artifacts', async () => {
    const result = await runTool(summarizeRunTool, mlflow, { runId: extras.runId });
    expect(result.run.id).toBe(extras.runId);
    expect(result.history[extras.longKey]).toMatchObject({
      points: extras.longPoints,
      lastStep: extras.longPoints - 1,
      min: expect.closeTo(extras.longMin, 6),
      max: expect.closeTo(extras.longMax, 6),
      last: expect.closeTo(extras.longLast, 6),
    });
    expect(result.history[extras.nanKey]).toMatchObject({ points: 4, nonFinite: 1, last: 0.9 });
    const top = result.artifacts.items.map((item) => item.path);
    expect(top).toEqual(expect.arrayContaining([extras.csvPath, extras.nestedDir]));
    expect(result.artifacts.items.find((item) => item.path === extras.nestedDir)!.isDir).toBe(true);
  });

  it('shows a diverged run ending far above where it started', async () => {
    const result = await runTool(summarizeRunTool, mlflow, { runId: sftRun('1e-3').id });
    expect(result.run.status).toBe('failed');
    const loss = result.history['train/loss']!;
    expect(loss).toMatchObject({ points: 23, lastStep: 22 * 20 });
    expect(loss.last!).toBeGreaterThan(loss.first!);
    expect(loss.max).toBe(loss.last);
    expect(result.run.tags?.failure_reason).toMatch(/diverged/);
  });

  it('answers an unknown run with not_found', async () => {
    await expect(
      runTool(summarizeRunTool, mlflow, { runId: 'ffffffffffffffffffffffffffffffff' }),
    ).rejects.toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });
});

describe('mlflow_get_best_run', () => {
  const seeded = () => seed.experiments.map((e) => e.id);

  it('finds the lr 3e-4 SFT run as best by train/loss ascending', async () => {
    const result = await runTool(getBestRunTool, mlflow, {
      experimentIds: seeded(),
      metric: 'train/loss',
      direction: 'asc',
    });
    expect(result.run.id).toBe(sftRun('3e-4').id);
    expect(result.run.params?.learning_rate).toBe('0.0003');
    expect(result.value).toBe(result.run.metrics!['train/loss']);
    expect(result.runnerUp).toMatchObject({ id: sftRun('1e-4').id });
    expect(result.runnerUp!.value).toBeGreaterThan(result.value);
  });

  it('finds the diverged run as highest train/loss with direction desc', async () => {
    const result = await runTool(getBestRunTool, mlflow, {
      experimentIds: seeded(),
      metric: 'train/loss',
      direction: 'desc',
    });
    expect(result.run.id).toBe(sftRun('1e-3').id);
  });

  it('searches every experiment when none is given, within a filter', async () => {
    const result = await runTool(getBestRunTool, mlflow, {
      metric: 'train/loss',
      direction: 'asc',
      filter: "params.learning_rate = '0.0001'",
    });
    expect(result.run.id).toBe(sftRun('1e-4').id);
    expect(result.experimentIds).toEqual(expect.arrayContaining(seeded()));
    expect(result.runnerUp).toBeUndefined();
  });

  it('answers a metric no run logged with not_found on metric', async () => {
    await expect(
      runTool(getBestRunTool, mlflow, {
        experimentIds: seeded(),
        metric: 'no/such_metric',
        direction: 'asc',
      }),
    ).rejects.toMatchObject({ kind: 'not_found', field: 'metric' });
  });

  it('answers a malformed filter with invalid_input', async () => {
    await expect(
      runTool(getBestRunTool, mlflow, {
        experimentIds: seeded(),
        metric: 'train/loss',
        direction: 'asc',
        filter: 'params.learning_rate === 1',
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
  });

  it('requires a direction', async () => {
    await expect(
      runTool(getBestRunTool, mlflow, { experimentIds: seeded(), metric: 'train/loss' }),
    ).rejects.toThrow(/direction/);
  });
});

describe('mlflow_compare_runs', () => {
  it('shows learning_rate differing, batch_size identical and metrics side by side', async () => {
    const a = sftRun('1e-4').id;
    const b = sftRun('3e-4').id;
    const result = await runTool(compareRunsTool, mlflow, { runIds: [a, `mlflow://runs/${b}`] });
    expect(result.runs.map((run) => run.id)).toEqual([a, b]);
    expect(result.params.differing).toEqual({ learning_rate: ['0.0001', '0.0003'] });
    expect(result.params.identical).toMatchObject({ batch_size: '64', lora_r: '16' });
    expect(result.params.identicalCount).toBe(8);
    expect(result.metrics['train/loss']).toEqual([
      await latest(a, 'train/loss'),
      await latest(b, 'train/loss'),
    ]);
    expect(result.metrics['eval/accuracy']).toEqual([0.6123, null]);
    expect(result.tags).toEqual({ differing: {}, identicalCount: 2 });
  });

  it('shows params one run lacks as null in its column', async () => {
    const evalRun = seed.runs.find((run) => run.name === `eval-${seed.invocationId}-mmlu`)!;
    const result = await runTool(compareRunsTool, mlflow, {
      runIds: [sftRun('1e-4').id, evalRun.id],
    });
    expect(result.params.differing.invocation_id).toEqual([null, seed.invocationId]);
    expect(result.params.differing.learning_rate).toEqual(['0.0001', null]);
    expect(result.params.identicalCount).toBe(0);
    expect(result.tags.differing.stage).toEqual(['sft', null]);
  });

  it('answers an unknown run with not_found', async () => {
    await expect(
      runTool(compareRunsTool, mlflow, {
        runIds: [sftRun('1e-4').id, 'ffffffffffffffffffffffffffffffff'],
      }),
    ).rejects.toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });

  it('refuses the same run twice as invalid_input on runIds', async () => {
    const id = sftRun('1e-4').id;
    await expect(
      runTool(compareRunsTool, mlflow, { runIds: [id, `mlflow://runs/${id}`] }),
    ).rejects.toMatchObject({ kind: 'invalid_input', field: 'runIds' });
  });

  it('needs at least two runs', async () => {
    await expect(runTool(compareRunsTool, mlflow, { runIds: [sftRun('1e-4').id] })).rejects.toThrow(
      /runIds|too small|2/i,
    );
  });
});
