import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { metricsSeed, useSharedMlflow } from '../../test/shared-mlflow.js';
import { getMetricHistoriesTool } from './get-metric-histories.js';
import { getMetricHistoryTool } from './get-metric-history.js';
import { getMetricHistory } from './metrics-api.js';

const { seed, mlflow } = useSharedMlflow();
const extras = metricsSeed(seed);

const sftRun = (lr: string) => seed.runs.find((run) => run.name === `sft-llama-3-8b-lr${lr}`)!;

describe('mlflow_get_metric_history', () => {
  it('bounds a 4,000-point history to maxPoints and keeps the stats of the full series', async () => {
    const series = await runTool(getMetricHistoryTool, mlflow, {
      runId: extras.runId,
      key: extras.longKey,
    });
    expect(series.totalPoints).toBe(extras.longPoints);
    expect(series.downsampled).toBe(true);
    expect(series.values.length).toBeLessThanOrEqual(200);
    expect(series.steps).toHaveLength(series.values.length);
    expect(series.stats!.min).toBeCloseTo(extras.longMin, 6);
    expect(series.stats!.max).toBeCloseTo(extras.longMax, 6);
    expect(series.stats!.first).toBeCloseTo(extras.longFirst, 6);
    expect(series.stats!.last).toBeCloseTo(extras.longLast, 6);
    expect(series.stats!.mean).toBeCloseTo(extras.longMean, 6);
  });

  it('keeps the first point, the last point and the spike when downsampling', async () => {
    const series = await runTool(getMetricHistoryTool, mlflow, {
      runId: extras.runId,
      key: extras.longKey,
      maxPoints: 50,
    });
    expect(series.values.length).toBeLessThanOrEqual(50);
    expect(series.steps[0]).toBe(0);
    expect(series.steps.at(-1)).toBe(extras.longPoints - 1);
    expect(series.values.at(-1)).toBeCloseTo(extras.longLast, 6);
    expect(series.steps).toContain(extras.spikeStep);
    expect(Math.max(...series.values)).toBeCloseTo(extras.longMax, 6);
  });

  it('returns a short history whole, in step order', async () => {
    const series = await runTool(getMetricHistoryTool, mlflow, {
      runId: extras.runId,
      key: extras.shortKey,
    });
    expect(series).toMatchObject({ totalPoints: 5, downsampled: false });
    expect(series.steps).toEqual([0, 10, 20, 30, 40]);
    expect(series.values.map((v) => Number(v.toPrecision(6)))).toEqual([
      0.0001, 0.0002, 0.0003, 0.0004, 0.0005,
    ]);
    expect(series.timestamps).toBeUndefined();
  });

  it('ends a seeded training curve on the value mlflow_get_run reports as latest', async () => {
    const run = await mlflow.getRun(sftRun('3e-4').id);
    const series = await runTool(getMetricHistoryTool, mlflow, {
      runId: run.id,
      key: 'train/loss',
      includeTimestamps: true,
    });
    expect(series).toMatchObject({ totalPoints: 50, downsampled: false });
    expect(series.steps.at(-1)).toBe(49 * 20);
    expect(series.stats!.last).toBe(run.metrics!['train/loss']);
    expect(series.timestamps).toHaveLength(50);
    expect(series.run.uri).toBe(`mlflow://runs/${run.id}`);
  });

  it('counts NaN points instead of putting them in the number columns', async () => {
    const series = await runTool(getMetricHistoryTool, mlflow, {
      runId: `mlflow://runs/${extras.runId}`,
      key: extras.nanKey,
    });
    expect(series.totalPoints).toBe(4);
    expect(series.values).toEqual([1.5, 1.2, 0.9]);
    expect(series.steps).toEqual([0, 1, 3]);
    expect(series.nonFinite).toEqual({ count: 1, firstStep: 2 });
    expect(series.stats).toMatchObject({ min: 0.9, max: 1.5, last: 0.9 });
  });

  it('answers an unknown run with not_found', async () => {
    await expect(
      runTool(getMetricHistoryTool, mlflow, {
        runId: 'ffffffffffffffffffffffffffffffff',
        key: 'train/loss',
      }),
    ).rejects.toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });

  it('answers a key the run never logged with not_found listing its metrics', async () => {
    const error = await runTool(getMetricHistoryTool, mlflow, {
      runId: sftRun('1e-4').id,
      key: 'train/los',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', field: 'key' });
    expect((error as { hint: string }).hint).toContain('train/loss');
  });

  it('rejects maxPoints outside 10-2000 before calling MLflow', async () => {
    for (const maxPoints of [5, 5000]) {
      await expect(
        runTool(getMetricHistoryTool, mlflow, { runId: extras.runId, key: 'x', maxPoints }),
      ).rejects.toThrow(/maxPoints|too (small|big)/i);
    }
  });

  it('serves the neutral getMetricHistory with timestamps by default', async () => {
    const series = await getMetricHistory(mlflow, {
      runId: extras.runId,
      key: extras.shortKey,
      maxPoints: 100,
    });
    expect(series.timestamps).toHaveLength(5);
  });
});

describe('mlflow_get_metric_histories', () => {
  it('returns one whole series per run and key for short histories', async () => {
    const runs = [sftRun('1e-4'), sftRun('3e-4'), sftRun('1e-3')];
    const result = await runTool(getMetricHistoriesTool, mlflow, {
      runIds: runs.map((run) => run.id),
      keys: ['train/loss', 'val/accuracy'],
    });
    expect(result.series.map((s) => [s.run.id, s.key])).toEqual(
      runs.flatMap((run) => [
        [run.id, 'train/loss'],
        [run.id, 'val/accuracy'],
      ]),
    );
    const losses = result.series.filter((s) => s.key === 'train/loss');
    expect(losses.map((s) => s.totalPoints)).toEqual([50, 50, 23]);
    expect(losses.every((s) => !s.downsampled && s.values.length === s.totalPoints)).toBe(true);
    expect(result.missing).toBeUndefined();
  });

  it('matches the single-history stats for the same run and key', async () => {
    const id = sftRun('3e-4').id;
    const [bulk, single] = await Promise.all([
      runTool(getMetricHistoriesTool, mlflow, { runIds: [id], keys: ['train/loss'] }),
      runTool(getMetricHistoryTool, mlflow, { runId: id, key: 'train/loss' }),
    ]);
    expect(bulk.series[0]!.values).toEqual(single.values);
    expect(bulk.series[0]!.stats).toEqual(single.stats);
  });

  it('re-reads a history the bulk endpoint sampled, so stats stay exact', async () => {
    const result = await runTool(getMetricHistoriesTool, mlflow, {
      runIds: [extras.runId],
      keys: [extras.longKey],
      maxPoints: 100,
    });
    const series = result.series[0]!;
    expect(series).toMatchObject({ totalPoints: extras.longPoints, downsampled: true });
    expect(series.values.length).toBeLessThanOrEqual(100);
    expect(series.stats!.max).toBeCloseTo(extras.longMax, 6);
    expect(series.stats!.mean).toBeCloseTo(extras.longMean, 6);
    expect(series.steps).toContain(extras.spikeStep);
  });

  it('lists run/key pairs with no points as missing', async () => {
    const unknown = 'ffffffffffffffffffffffffffffffff';
    const result = await runTool(getMetricHistoriesTool, mlflow, {
      runIds: [sftRun('1e-4').id, unknown],
      keys: ['train/loss', 'val/perplexity'],
    });
    expect(result.series.map((s) => s.key)).toEqual(['train/loss', 'val/perplexity']);
    expect(result.missing).toEqual([
      { runId: unknown, key: 'train/loss' },
      { runId: unknown, key: 'val/perplexity' },
    ]);
  });

  it('shrinks series to fit a small response budget and says so', async () => {
    const result = await runTool(
      getMetricHistoriesTool,
      mlflow,
      {
        runIds: [extras.runId, sftRun('1e-4').id, sftRun('3e-4').id],
        keys: [extras.longKey, 'train/loss'],
        maxPoints: 1000,
      },
      { maxResponseTokens: 3000 },
    );
    expect(result.pointsPerSeries).toBeLessThan(1000);
    expect(JSON.stringify(result).length / 4).toBeLessThanOrEqual(3000);
    for (const series of result.series) {
      expect(series.values.length).toBeLessThanOrEqual(result.pointsPerSeries!);
    }
  });

  it('rejects more than 100 runs before calling MLflow', async () => {
    await expect(
      runTool(getMetricHistoriesTool, mlflow, {
        runIds: Array.from({ length: 101 }, (_v, i) => `run${i}`),
        keys: ['train/loss'],
      }),
    ).rejects.toThrow(/runIds|too big|100/i);
  });
});
