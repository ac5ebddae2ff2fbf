import { failure, runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { startStandinAdapter, useStandinAdapter } from '../../test/standin-adapter.js';
import { getProjectTool } from '../projects/get-project.js';
import { getViewerTool } from '../projects/get-viewer.js';
import { listProjectsTool } from '../projects/list-projects.js';
import { getRunTool } from './get-run.js';
import { searchRunsTool } from './search-runs.js';

const { standin, wandb } = await useStandinAdapter();

const project = 'llm-finetune';

describe('wandb_get_viewer', () => {
  it('names the user, the default entity and the teams of the key', async () => {
    const viewer = await runTool(getViewerTool, wandb, {});
    expect(viewer).toMatchObject({
      username: 'ada',
      defaultEntity: standin.entity,
      teams: [standin.entity],
    });
  });
});

describe('wandb_list_projects and wandb_get_project', () => {
  it('lists the projects of the default entity', async () => {
    const result = await runTool(listProjectsTool, wandb, {});
    expect(result.entity).toBe(standin.entity);
    const names = result.items.map((p) => p.name);
    for (const name of standin.projects) expect(names).toContain(name);
    expect(result.items[0]!.ref.uri).toMatch(/^wandb:\/\/acme-ml\/experiments\//);
  });

  it('pages through projects without gaps', async () => {
    const first = await runTool(listProjectsTool, wandb, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await runTool(listProjectsTool, wandb, { limit: 2, cursor: first.nextCursor });
    const all = await runTool(listProjectsTool, wandb, { limit: 10 });
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual(
      all.items.slice(0, 4).map((p) => p.name),
    );
  });

  it('says an unknown entity was not found, with a hint', async () => {
    const error = await failure(runTool(listProjectsTool, wandb, { entity: 'no-such-team' }));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('no-such-team');
    expect(error.hint).toContain('wandb_get_viewer');
  });

  it('returns a project with its run count', async () => {
    const result = await runTool(getProjectTool, wandb, { project });
    expect(result).toMatchObject({
      id: `${standin.entity}/${project}`,
      name: project,
      runCount: 240,
    });
  });

  it('says an unknown project was not found, naming where to look', async () => {
    const error = await failure(runTool(getProjectTool, wandb, { project: 'nope' }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('wandb_list_projects');
  });
});

describe('wandb_search_runs', () => {
  it('filters with W&B operators and reports the total match count', async () => {
    const result = await runTool(searchRunsTool, wandb, {
      project,
      filters: JSON.stringify({
        $and: [{ state: 'finished' }, { 'config.optimizer': { $in: ['lion'] } }],
      }),
      limit: 500,
    });
    expect(result.items.length).toBeGreaterThan(5);
    expect(result.totalCount).toBe(result.items.length);
    for (const run of result.items) {
      expect(run.rawStatus).toBe('finished');
      expect(run.config?.optimizer).toBe('lion');
    }
  });

  it('sorts by a summary metric, best first', async () => {
    const result = await runTool(searchRunsTool, wandb, {
      project,
      filters: '{"state": "finished", "summary_metrics.eval/accuracy": {"$gt": 0.5}}',
      order: '-summary_metrics.eval/accuracy',
      limit: 50,
      fields: ['summary.eval/accuracy'],
    });
    const accuracies = result.items.map((run) => run.summary?.['eval/accuracy'] as number);
    expect(accuracies.length).toBeGreaterThan(10);
    expect(accuracies).toEqual([...accuracies].sort((a, b) => b - a));
    expect(Math.min(...accuracies)).toBeGreaterThan(0.5);
  });

  it('sorts by a config key without the .value suffix W&B needs', async () => {
    const result = await runTool(searchRunsTool, wandb, {
      project,
      order: '+config.learning_rate',
      limit: 100,
    });
    const rates = result.items.map((run) => run.config?.learning_rate as number);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
  });

  it('rejects an unknown $op, naming the path it was found at', async () => {
    const error = await failure(
      runTool(searchRunsTool, wandb, {
        project,
        filters: '{"$and": [{"state": "finished"}, {"summary_metrics.acc": {"$between": [0, 1]}}]}',
      }),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.field).toBe('filters');
    expect(error.message).toContain('filters.$and[1].summary_metrics.acc');
    expect(error.message).toContain('$between');
  });

  it('rejects filters that are not a JSON object', async () => {
    const error = await failure(runTool(searchRunsTool, wandb, { project, filters: '["state"]' }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain('JSON object');
  });

  it('rejects an order that is not a W&B sort key', async () => {
    const error = await failure(runTool(searchRunsTool, wandb, { project, order: 'loss desc' }));
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'order' });
  });

  it('rejects an oversized limit in the input schema', async () => {
    await expect(runTool(searchRunsTool, wandb, { project, limit: 501 })).rejects.toThrow(/500/);
  });

  it('pages through every run of a project exactly once', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await runTool(searchRunsTool, wandb, {
        project,
        limit: 100,
        cursor,
        fields: ['id'],
      });
      ids.push(...page.items.map((run) => run.id!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(240);
    expect(new Set(ids).size).toBe(240);
  });

  it('cuts a page to the response budget and resumes exactly where it stopped', async () => {
    const filters = '{"group": "sft-v2"}';
    const whole = await runTool(searchRunsTool, wandb, {
      project,
      filters,
      limit: 500,
      fields: ['id'],
    });
    const ids: string[] = [];
    let cursor: string | undefined;
    let truncated = false;
    do {
      const page = await runTool(
        searchRunsTool,
        wandb,
        { project, filters, limit: 500, cursor },
        { maxResponseTokens: 3000 },
      );
      truncated ||= page.truncated === true;
      ids.push(...page.items.map((run) => run.id!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(truncated).toBe(true);
    expect(ids).toEqual(whole.items.map((run) => run.id));
  });

  it('uses WANDB_PROJECT when no project is given', async () => {
    const other = await startStandinAdapter({ WANDB_PROJECT: 'rl-agents' });
    try {
      const result = await runTool(searchRunsTool, other.wandb, { limit: 1 });
      expect(result.project).toBe('rl-agents');
      expect(result.totalCount).toBe(40);
    } finally {
      await other.wandb.close();
      await other.standin.stop();
    }
  });

  it('asks for a project when none is given or configured', async () => {
    const error = await failure(runTool(searchRunsTool, wandb, {}));
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'project' });
  });
});

describe('wandb_get_run', () => {
  it('unwraps config, drops W&B internals and maps crashed to failed', async () => {
    const run = await runTool(getRunTool, wandb, {
      run: `${standin.entity}/${project}/${standin.runs.diverged}`,
    });
    expect(run).toMatchObject({
      id: 'nanloss1',
      name: 'sft-llama-lr-too-high',
      status: 'failed',
      rawStatus: 'crashed',
    });
    expect(run.config?.learning_rate).toBe(0.003);
    expect(run.config?.lora).toEqual({
      r: expect.any(Number),
      alpha: expect.any(Number),
      dropout: 0.05,
    });
    expect(run.config).not.toHaveProperty('_wandb');
    expect(Object.keys(run.summary ?? {}).filter((key) => key.startsWith('_'))).toEqual([]);
    expect(run.summary?.loss).toBe('NaN');
    expect(run.summary?.grad_norm).toBe('Infinity');
    expect(run.lastStep).toBe(1499);
    expect(run.ref.uri).toBe('wandb://acme-ml/llm-finetune/runs/nanloss1');
    expect(run.ref.url).toBe(`${standin.url}/acme-ml/llm-finetune/runs/nanloss1`);
  });

  it('gives created and heartbeat times in ISO 8601 UTC', async () => {
    const run = await runTool(getRunTool, wandb, { run: standin.runs.long, project });
    expect(run.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const span = Date.parse(run.heartbeatAt!) - Date.parse(run.createdAt!);
    expect(span).toBeGreaterThan(0);
    // durationMs is the SDK's `_runtime` at the last step, one step short of the last heartbeat.
    expect(Math.abs(span - run.durationMs!) / span).toBeLessThan(0.01);
  });

  it('keeps internal summary keys when asked', async () => {
    const run = await runTool(getRunTool, wandb, {
      run: standin.runs.long,
      project,
      includeInternal: true,
    });
    expect(run.summary?._step).toBe(4999);
  });

  it('accepts the run ref URI from a search result', async () => {
    const run = await runTool(getRunTool, wandb, {
      run: 'wandb://acme-ml/llm-finetune/runs/healthy1',
    });
    expect(run.name).toBe('sft-llama-adamw');
  });

  it('says an unknown run was not found and that ids are not display names', async () => {
    const error = await failure(runTool(getRunTool, wandb, { run: 'sft-llama-adamw', project }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toContain('not the display name');
  });
});

describe('authentication', () => {
  it('reports a rejected key as an auth error that does not contain the key', async () => {
    const wrongKey = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
    const other = await startStandinAdapter();
    const { createWandbAdapter, wandbSettingsFromEnv } = await import('../index.js');
    const bad = createWandbAdapter(
      wandbSettingsFromEnv({ WANDB_API_KEY: wrongKey, WANDB_BASE_URL: other.standin.url })!,
    );
    try {
      const error = await failure(runTool(getViewerTool, bad, {}));
      expect(error.kind).toBe('auth');
      expect(error.message).toContain('rejected the API key');
      expect(`${error.message} ${error.hint}`).not.toContain(wrongKey);
      const health = await bad.checkHealth();
      expect(health).toMatchObject({ reachable: true, authenticated: false });
    } finally {
      await bad.close();
      await other.wandb.close();
      await other.standin.stop();
    }
  });
});
