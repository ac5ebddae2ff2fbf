import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../../test/standin-adapter.js';
import { listRunFilesTool } from '../runs/list-run-files.js';
import { getMetricHistoryTool } from './get-metric-history.js';
import { getSystemMetricsTool } from './get-system-metrics.js';

const { standin, wandb } = await useStandinAdapter();

const project = 'llm-finetune';

describe('wandb_get_metric_history', () => {
  it('downsamples a 5,000-step loss curve and keeps stats over every step', async () => {
    const result = await runTool(getMetricHistoryTool, wandb, {
      run: standin.runs.long,
      project,
      keys: ['loss'],
      samples: 10_000,
      maxPoints: 200,
    });
    const [loss] = result.series;
    expect(result.historyLineCount).toBe(5000);
    expect(loss).toMatchObject({
      key: 'loss',
      totalPoints: 5000,
      downsampled: true,
      serverSampled: false,
    });
    expect(loss!.values.length).toBeLessThanOrEqual(200);
    expect(loss!.steps[0]).toBe(0);
    expect(loss!.steps.at(-1)).toBe(4999);
    expect(loss!.stats!.min).toBe(Math.min(...loss!.values));
    expect(loss!.stats!.first).toBeGreaterThan(2);
    expect(loss!.stats!.last).toBeLessThan(0.6);
  });

  it('says when W&B sampled the rows on the server', async () => {
    const result = await runTool(getMetricHistoryTool, wandb, {
      run: standin.runs.long,
      project,
      keys: ['loss'],
      samples: 500,
    });
    expect(result.series[0]).toMatchObject({ totalPoints: 500, serverSampled: true });
  });

  it('reads each key with its own rows, so sparse eval keys keep every point', async () => {
    const result = await runTool(getMetricHistoryTool, wandb, {
      run: standin.runs.healthyA,
      project,
      keys: ['loss', 'eval/loss'],
      samples: 5000,
      maxPoints: 2000,
    });
    const [loss, evalLoss] = result.series;
    expect(loss!.totalPoints).toBe(1200);
    expect(evalLoss!.totalPoints).toBe(12);
    expect(evalLoss!.steps.slice(0, 3)).toEqual([99, 199, 299]);
  });

  it('counts NaN points and leaves them out of values and stats', async () => {
    const result = await runTool(getMetricHistoryTool, wandb, {
      run: standin.runs.diverged,
      project,
      keys: ['loss'],
      samples: 5000,
      maxPoints: 100,
    });
    const [loss] = result.series;
    expect(loss!.nonFinite!.count).toBeGreaterThan(0);
    expect(loss!.nonFinite!.firstStep).toBeGreaterThan(1400);
    expect(loss!.values.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(loss!.stats!.max)).toBe(true);
  });

  it('returns timestamps in Unix milliseconds when asked', async () => {
    const result = await runTool(getMetricHistoryTool, wandb, {
      run: standin.runs.healthyA,
      project,
      keys: ['loss'],
      samples: 50,
      includeTimestamps: true,
    });
    const run = await wandb.getWandbRun({
      entity: standin.entity,
      project,
      runId: standin.runs.healthyA,
    });
    // W&B DateTimes have whole seconds; `_timestamp` has milliseconds.
    expect(Math.abs(result.series[0]!.timestamps![0]! - Date.parse(run.createdAt!))).toBeLessThan(
      1000,
    );
  });

  it('halves the points until several series fit the response budget', async () => {
    const result = await runTool(
      getMetricHistoryTool,
      wandb,
      {
        run: standin.runs.long,
        project,
        keys: ['loss', 'grad_norm', 'learning_rate'],
        samples: 5000,
        maxPoints: 2000,
      },
      { maxResponseTokens: 4000 },
    );
    expect(result.series.every((s) => s.values.length < 2000 && s.downsampled)).toBe(true);
    expect(result.series.every((s) => s.stats !== undefined)).toBe(true);
  });
});

describe('wandb_get_system_metrics', () => {
  it('returns GPU memory as a series whose peak shows the diverged run near capacity', async () => {
    const result = await runTool(getSystemMetricsTool, wandb, {
      run: standin.runs.diverged,
      project,
      match: ['gpu.0.memoryAllocated'],
    });
    const keys = result.series.map((s) => s.key);
    expect(keys).toEqual(['system.gpu.0.memoryAllocated', 'system.gpu.0.memoryAllocatedBytes']);
    expect(result.series[0]!.stats.max).toBeGreaterThan(95);
    expect(result.series[0]!.runtimeSeconds[0]).toBe(0);
  });

  it('returns CPU, memory, disk and network series when no match is given', async () => {
    const result = await runTool(getSystemMetricsTool, wandb, {
      run: standin.runs.healthyA,
      project,
    });
    const keys = result.series.map((s) => s.key);
    for (const key of [
      'system.cpu',
      'system.memory',
      'system.disk',
      'system.gpu.0.gpu',
      'system.network.sent',
    ]) {
      expect(keys).toContain(key);
    }
    expect(result.samples).toBe(result.totalSamples);
    expect(result.series.every((s) => s.values.length <= 60)).toBe(true);
  });

  it('drops whole keys, and names them, to fit the response budget', async () => {
    const result = await runTool(
      getSystemMetricsTool,
      wandb,
      { run: standin.runs.long, project },
      { maxResponseTokens: 1500 },
    );
    expect(result.truncated).toBe(true);
    expect(result.omittedKeys!.length).toBeGreaterThan(0);
    expect(result.series.map((s) => s.key)).not.toContain(result.omittedKeys![0]);
  });
});

describe('wandb_list_run_files', () => {
  it("lists a run's files with sizes and a download URL without credentials", async () => {
    const result = await runTool(listRunFilesTool, wandb, { run: standin.runs.healthyA, project });
    const names = result.items.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['output.log', 'config.yaml', 'wandb-metadata.json']),
    );
    const log = result.items.find((f) => f.name === 'output.log')!;
    expect(log.sizeBytes).toBeGreaterThan(0);
    expect(log.url).toBe(`${standin.url}/files/acme-ml/llm-finetune/healthy1/output.log`);
    expect(JSON.stringify(result)).not.toMatch(/Signature|api:|@/);
  });

  it('filters files with a SQL LIKE pattern', async () => {
    const result = await runTool(listRunFilesTool, wandb, {
      run: standin.runs.healthyA,
      project,
      pattern: 'media/%',
    });
    expect(result.items.length).toBe(3);
    expect(result.items.every((f) => f.name.startsWith('media/'))).toBe(true);
  });

  it('pages through files', async () => {
    const first = await runTool(listRunFilesTool, wandb, {
      run: standin.runs.healthyA,
      project,
      limit: 5,
    });
    const second = await runTool(listRunFilesTool, wandb, {
      run: standin.runs.healthyA,
      project,
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(first.items).toHaveLength(5);
    expect(second.items.length).toBe(3);
    expect(second.nextCursor).toBeUndefined();
  });
});
