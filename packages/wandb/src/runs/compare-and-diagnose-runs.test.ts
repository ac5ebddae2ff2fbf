import { MlopsError } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../../test/standin-adapter.js';
import { compareRunsTool } from './compare-runs.js';
import { diagnoseRunTool } from './diagnose-run.js';

const { standin, wandb } = await useStandinAdapter({ WANDB_PROJECT: 'llm-finetune' });

describe('wandb_compare_runs', () => {
  it('lists exactly the config keys that differ, one value per run', async () => {
    const result = await runTool(compareRunsTool, wandb, {
      runs: [standin.runs.healthyA, standin.runs.healthyB],
    });
    expect(result.runs.map((run) => run.id)).toEqual(['healthy1', 'healthy2']);
    expect(result.configDiff).toEqual({
      learning_rate: [1e-4, 3e-5],
      optimizer: ['adamw', 'lion'],
    });
    expect(result.sameConfigKeys).toBeGreaterThan(5);
  });

  it('puts summary metrics side by side and names the lowest and highest run', async () => {
    const result = await runTool(compareRunsTool, wandb, {
      runs: [standin.runs.healthyA, standin.runs.healthyB, standin.runs.diverged],
      metrics: ['loss', 'eval/accuracy'],
    });
    expect(Object.keys(result.metrics)).toEqual(['loss', 'eval/accuracy']);
    expect(result.metrics.loss![2]).toBe('NaN');
    const [a, b] = result.metrics.loss as number[];
    expect(result.best!.loss).toEqual({
      lowest: a! < b! ? 'healthy1' : 'healthy2',
      highest: a! < b! ? 'healthy2' : 'healthy1',
    });
    expect(result.configDiff.learning_rate).toEqual([1e-4, 3e-5, 3e-3]);
  });

  it('rejects fewer than two runs in the input schema', async () => {
    await expect(
      runTool(compareRunsTool, wandb, { runs: [standin.runs.healthyA] }),
    ).rejects.toThrow();
  });

  it('says which run was not found', async () => {
    const error = await runTool(compareRunsTool, wandb, {
      runs: [standin.runs.healthyA, 'zzzzzzzz'],
    }).catch((e: unknown) => e);
    expect(MlopsError.isInstance(error) && error.kind).toBe('not_found');
    expect((error as Error).message).toContain('zzzzzzzz');
  });
});

describe('wandb_diagnose_run', () => {
  it('finds the crash, the NaN loss, the rising loss and the full GPU of the diverged run', async () => {
    const result = await runTool(diagnoseRunTool, wandb, { run: standin.runs.diverged });
    expect(result).toMatchObject({
      status: 'failed',
      rawStatus: 'crashed',
      verdict: 'error',
      lastStep: 1499,
      lossKey: 'loss',
    });
    expect(result.signs.map((s) => s.code).sort()).toEqual(
      ['gpu_memory_near_capacity', 'loss_rising', 'non_finite_summary', 'run_crashed'].sort(),
    );
    expect(result.signs.find((s) => s.code === 'non_finite_summary')!.message).toContain(
      'loss=NaN',
    );
    expect(result.peakGpuMemoryPercent).toBeGreaterThan(95);
    expect(result.lossTail!.lastMean).toBeGreaterThan(result.lossTail!.min * 1.2);
    expect(result.exitCode).toBeUndefined();
  });

  it('flags a running run whose heartbeat is two hours old', async () => {
    const result = await runTool(diagnoseRunTool, wandb, { run: standin.runs.stalled });
    expect(result.status).toBe('running');
    expect(result.heartbeatAgeSeconds).toBeGreaterThanOrEqual(7200);
    expect(result.heartbeatAgeSeconds).toBeLessThan(7300);
    expect(result.signs.map((s) => s.code)).toEqual(['stale_heartbeat']);
    expect(result.verdict).toBe('warning');
  });

  it('finds nothing wrong with a healthy finished run', async () => {
    const result = await runTool(diagnoseRunTool, wandb, { run: standin.runs.healthyA });
    expect(result).toMatchObject({ verdict: 'healthy', signs: [], lastStep: 1199 });
    expect(result.peakGpuMemoryPercent).toBeLessThan(80);
    expect(result.runtimeSeconds).toBeGreaterThan(0);
  });
});
