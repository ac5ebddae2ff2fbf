import { MlopsError } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { uniqueName } from '@mlops-mcp/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { createExperimentTool } from '../experiments/create-experiment.js';
import { searchExperimentsTool } from '../experiments/search-experiments.js';
import { createRunTool } from './create-run.js';
import { getRunTool } from './get-run.js';
import { searchRunsTool } from './search-runs.js';
import { setRunTagTool } from './set-run-tag.js';

const { seed, mlflow } = useSharedMlflow();

type RunItem = {
  id?: string;
  name?: string;
  metrics?: Record<string, unknown>;
  tags?: Record<string, string>;
};
const experimentId = (name: string) => seed.experiments.find((e) => e.name === name)!.id;

async function allPages(
  args: Record<string, unknown>,
  maxResponseTokens?: number,
): Promise<RunItem[]> {
  const items: RunItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await runTool(
      searchRunsTool,
      mlflow,
      { ...args, cursor },
      { maxResponseTokens },
    );
    items.push(...(result.items as RunItem[]));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

describe('mlflow_search_experiments', () => {
  it('lists every seeded experiment', async () => {
    const result = await runTool(searchExperimentsTool, mlflow, {});
    const names = result.items.map((e) => e.name);
    for (const experiment of seed.experiments) expect(names).toContain(experiment.name);
  });

  it('filters experiments by name', async () => {
    const name = seed.experiments[0]!.name;
    const result = await runTool(searchExperimentsTool, mlflow, { filter: `name = '${name}'` });
    expect(result.items.map((e) => e.name)).toEqual([name]);
    expect(result.items[0]!.ref.uri).toBe(`mlflow://experiments/${result.items[0]!.id}`);
  });
});

describe('mlflow_search_runs', () => {
  it('returns the seeded runs of one experiment', async () => {
    const id = seed.experiments[0]!.id;
    const expected = seed.runs
      .filter((run) => run.experimentId === id)
      .map((run) => run.id)
      .sort();
    const result = await runTool(searchRunsTool, mlflow, { experimentIds: [id], limit: 100 });
    expect((result.items as RunItem[]).map((run) => run.id).sort()).toEqual(expected);
  });

  it('sorts by a metric with several order_by clauses', async () => {
    const result = await runTool(searchRunsTool, mlflow, {
      experimentIds: seed.experiments.map((e) => e.id),
      filter: 'metrics.`train/loss` > 0',
      orderBy: ['metrics.`train/loss` ASC', 'attributes.start_time DESC'],
      limit: 100,
    });
    const losses = (result.items as RunItem[]).map((run) => Number(run.metrics!['train/loss']));
    expect(losses.length).toBeGreaterThan(1);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
  });

  it('pages through every run without gaps or repeats', async () => {
    const ids = seed.experiments.map((e) => e.id);
    const unpaged = await runTool(searchRunsTool, mlflow, { experimentIds: ids, limit: 1000 });
    const items = await allPages({ experimentIds: ids, limit: 2 });
    expect(items.map((run) => run.id)).toEqual((unpaged.items as RunItem[]).map((run) => run.id));
    expect(items.map((run) => run.id)).toEqual(
      expect.arrayContaining(seed.runs.map((run) => run.id)),
    );
  });

  it('cuts a page to the response budget and resumes exactly where it stopped', async () => {
    const ids = seed.experiments.map((e) => e.id);
    const first = await runTool(
      searchRunsTool,
      mlflow,
      { experimentIds: ids, limit: 100 },
      { maxResponseTokens: 600 },
    );
    expect(first.truncated).toBe(true);
    expect(first.items.length).toBeLessThan(seed.runs.length);
    const unpaged = await runTool(searchRunsTool, mlflow, { experimentIds: ids, limit: 100 });
    const items = await allPages({ experimentIds: ids, limit: 100 }, 600);
    expect(items.map((run) => run.id)).toEqual((unpaged.items as RunItem[]).map((run) => run.id));
  });

  it('finds every run of one invocation_id across experiments when no experiment is given', async () => {
    const result = await runTool(searchRunsTool, mlflow, {
      filter: `tags.invocation_id = '${seed.invocationId}'`,
      limit: 100,
    });
    const expected = seed.runs
      .filter((run) => run.invocationId === seed.invocationId)
      .map((run) => run.id)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect((result.items as RunItem[]).map((run) => run.id).sort()).toEqual(expected);
    const experiments = new Set(
      seed.runs.filter((run) => expected.includes(run.id)).map((run) => run.experimentId),
    );
    expect(experiments.size).toBeGreaterThan(1);
  });

  it('returns only the projected fields', async () => {
    const result = await runTool(searchRunsTool, mlflow, {
      experimentIds: [experimentId('llama-finetune')],
      filter: "tags.stage = 'sft'",
      fields: ['name', 'metrics.train/loss'],
      limit: 1,
    });
    const run = result.items[0] as Record<string, unknown>;
    expect(Object.keys(run).sort()).toEqual(['id', 'metrics', 'name', 'ref']);
    expect(Object.keys(run.metrics as object)).toEqual(['train/loss']);
  });

  it('drops mlflow.* system tags unless asked for them', async () => {
    const args = {
      experimentIds: [experimentId('llama-finetune')],
      filter: "tags.stage = 'sft'",
      limit: 1,
    };
    const plain = (await runTool(searchRunsTool, mlflow, args)).items[0] as RunItem;
    const full = (await runTool(searchRunsTool, mlflow, { ...args, includeSystemTags: true }))
      .items[0] as RunItem;
    expect(Object.keys(plain.tags ?? {}).some((key) => key.startsWith('mlflow.'))).toBe(false);
    expect(Object.keys(full.tags ?? {}).some((key) => key.startsWith('mlflow.'))).toBe(true);
  });

  it('answers a malformed filter with an invalid_input error quoting MLflow', async () => {
    const error = await runTool(searchRunsTool, mlflow, {
      experimentIds: [seed.experiments[0]!.id],
      filter: 'metrics.loss >>> 3',
    }).catch((e: unknown) => e);
    expect(MlopsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect((error as Error).message).toMatch(/comparator/i);
  });

  it('rejects a negative limit before calling MLflow', async () => {
    await expect(runTool(searchRunsTool, mlflow, { limit: -1 })).rejects.toThrow(
      /limit|>=1|too small/i,
    );
  });
});

describe('mlflow_get_run', () => {
  it('returns params, latest metrics and the run status', async () => {
    const seeded = seed.runs.find((run) => run.status === 'FINISHED')!;
    const run = await runTool(getRunTool, mlflow, { runId: seeded.id });
    expect(run).toMatchObject({ id: seeded.id, status: 'finished', rawStatus: 'FINISHED' });
    expect(Object.keys(run.params ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(run.metrics ?? {}).length).toBeGreaterThan(0);
  });

  it('maps a failed run to the neutral failed status', async () => {
    const seeded = seed.runs.find((run) => run.status === 'FAILED')!;
    const run = await runTool(getRunTool, mlflow, { runId: seeded.id });
    expect(run).toMatchObject({ status: 'failed', rawStatus: 'FAILED' });
  });

  it('accepts the run URI another tool returned', async () => {
    const seeded = seed.runs[0]!;
    const run = await runTool(getRunTool, mlflow, { runId: `mlflow://runs/${seeded.id}` });
    expect(run.id).toBe(seeded.id);
  });

  it('answers an unknown run id with not_found and a hint', async () => {
    const error = await runTool(getRunTool, mlflow, {
      runId: 'ffffffffffffffffffffffffffffffff',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect((error as MlopsError).hint).toMatch(/mlflow_search_runs/);
  });

  it('rejects a run URI of another backend', async () => {
    await expect(
      runTool(getRunTool, mlflow, { runId: 'wandb://acme/p/runs/x' }),
    ).rejects.toMatchObject({
      kind: 'invalid_input',
      field: 'runId',
    });
  });
});

describe('mlflow_set_run_tag', () => {
  it('sets a tag that mlflow_get_run then shows', async () => {
    // A run of this test's own: the seeded runs stay as seeded for every other test.
    const experiment = await runTool(createExperimentTool, mlflow, { name: uniqueName('tags') });
    const own = await runTool(createRunTool, mlflow, { experimentId: experiment.id });
    await runTool(setRunTagTool, mlflow, { runId: own.id, key: 'review', value: 'approved' });
    const run = await runTool(getRunTool, mlflow, { runId: own.id });
    expect(run.tags?.review).toBe('approved');
  });

  it('refuses reserved mlflow.* keys', async () => {
    await expect(
      runTool(setRunTagTool, mlflow, { runId: seed.runs[0]!.id, key: 'mlflow.user', value: 'x' }),
    ).rejects.toThrow(/reserved/);
  });
});
