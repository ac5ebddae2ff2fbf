import { type MlflowSeed, type RunningServer, startSeededMlflow } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExample } from './run-example.js';

// The examples own their seeded MLflow: they query the whole workspace (the best run anywhere,
// the first 20 experiments), which other tests' writes to a shared server would change.
let mlflow: RunningServer;
let seed: MlflowSeed;
const runId = (name: string) => seed.runs.find((run) => run.name === name)!.id;

beforeAll(async () => {
  ({ server: mlflow, seed } = await startSeededMlflow());
});

afterAll(async () => {
  await mlflow?.stop();
});

describe('examples/custom-agent-adapter.ts', () => {
  it('reports the best fine-tuning run by validation accuracy, its runner-up and its history', async () => {
    const { code, stdout, stderr } = await runExample(
      'custom-agent-adapter.ts',
      ['--experiment', 'llama-finetune', '--metric', 'val/accuracy', '--goal', 'max'],
      { MLFLOW_TRACKING_URI: mlflow.url },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Best run in "llama-finetune" by val/accuracy (higher is better)');
    const best = /best run: (\S+) \((\w+), (\w+)\) val\/accuracy = ([\d.]+)/.exec(stdout);
    expect(best?.slice(1, 4), stdout).toEqual([
      'sft-llama-3-8b-lr3e-4',
      runId('sft-llama-3-8b-lr3e-4'),
      'finished',
    ]);
    const runnerUp = /runner-up: sft-llama-3-8b-lr1e-4 val\/accuracy = ([\d.]+)/.exec(stdout);
    expect(Number(best![4])).toBeGreaterThan(Number(runnerUp?.[1]));
    expect(stdout).toContain('params: model=meta-llama/Meta-Llama-3-8B, learning_rate=0.0003');
    // The seed logs val/accuracy every 100 steps, ten times, rising from about 0.31.
    expect(stdout).toMatch(/history: 10 points, step 0 → 900, first 0\.3\d* → last 0\.[56]/);
  });

  it('finds the lowest value when the goal is min', async () => {
    const { code, stdout } = await runExample(
      'custom-agent-adapter.ts',
      ['--experiment', 'baseline-sklearn', '--metric', 'rmse', '--goal', 'min'],
      { MLFLOW_TRACKING_URI: mlflow.url },
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      `best run: rf-baseline (${runId('rf-baseline')}, finished) rmse = 0.5043`,
    );
    expect(stdout).toContain('runner-up: ridge-baseline rmse = 0.7281 (margin 0.2238)');
  });

  it('exits 1 with a message on stderr for an experiment that does not exist', async () => {
    const { code, stdout, stderr } = await runExample(
      'custom-agent-adapter.ts',
      ['--experiment', 'no-such-experiment'],
      { MLFLOW_TRACKING_URI: mlflow.url },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('No experiment named "no-such-experiment"');
  });
});

describe('examples/embed-gateway.ts', () => {
  it('calls tools directly and through an in-memory MCP client on one embedded gateway', async () => {
    const { code, stdout, stderr } = await runExample('embed-gateway.ts', [], {
      MLFLOW_TRACKING_URI: mlflow.url,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const selected = /gateway: (\d+) tools selected for mlflow/.exec(stdout)?.[1];
    const listed = /mcp tools\/list: (\d+) tools/.exec(stdout)?.[1];
    expect(Number(selected)).toBeGreaterThan(10);
    expect(listed).toBe(selected);
    const directLine = stdout.split('\n').find((line) => line.startsWith('direct callTool'));
    for (const experiment of seed.experiments) expect(directLine).toContain(experiment.name);
    expect(stdout).toMatch(
      new RegExp(
        `mcp tools/call mlflow_get_best_run: sft-llama-3-8b-lr3e-4 \\(${runId('sft-llama-3-8b-lr3e-4')}\\) val/accuracy = 0\\.\\d+, runner-up sft-llama-3-8b-lr1e-4 = 0\\.\\d+`,
      ),
    );
  });
});
