import { randomUUID } from 'node:crypto';
import type { AnyToolDefinition } from '@mlops-mcp/core';
import { rejection as failure, issuePaths, runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import type { MlflowAdapter } from '../index.js';
import { createRunTool } from '../runs/create-run.js';
import { getRunTool } from '../runs/get-run.js';
import { searchRunsTool } from '../runs/search-runs.js';
import { createExperimentTool } from './create-experiment.js';
import { deleteExperimentTool } from './delete-experiment.js';
import { deleteExperimentTagTool } from './delete-experiment-tag.js';
import { experimentsTools } from './experiments-tools.js';
import { getExperimentTool } from './get-experiment.js';
import { getExperimentByNameTool } from './get-experiment-by-name.js';
import { restoreExperimentTool } from './restore-experiment.js';
import { searchExperimentsTool } from './search-experiments.js';
import { setExperimentTagTool } from './set-experiment-tag.js';
import { updateExperimentTool } from './update-experiment.js';

const { seed, mlflow } = useSharedMlflow();

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const seeded = (name: string) => seed.experiments.find((e) => e.name === name)!;

/** A fresh experiment for a test that changes it, so seeded ones stay as other tests expect. */
async function freshExperiment(tags?: Record<string, string>) {
  return runTool(createExperimentTool, mlflow, { name: unique('scratch'), tags });
}

async function searchExperimentIds(includeDeleted = false): Promise<string[]> {
  const page = await runTool(searchExperimentsTool, mlflow, { includeDeleted, limit: 1000 });
  return page.items.map((experiment) => experiment.id);
}

describe('experiment tool list', () => {
  it('declares reads as read and every change as a write that is never marked idempotent', () => {
    const access = Object.fromEntries(experimentsTools.map((tool) => [tool.name, tool.access]));
    expect(access).toEqual({
      mlflow_get_experiment: 'read',
      mlflow_get_experiment_by_name: 'read',
      mlflow_create_experiment: 'write',
      mlflow_update_experiment: 'write',
      mlflow_delete_experiment: 'write',
      mlflow_restore_experiment: 'write',
      mlflow_set_experiment_tag: 'write',
      mlflow_delete_experiment_tag: 'write',
    });
    for (const tool of experimentsTools) {
      expect(tool.toolsets).toEqual(['experiments']);
      if (tool.access === 'write') expect(tool.idempotent).toBeUndefined();
    }
  });
});

describe('mlflow_get_experiment', () => {
  it('returns a seeded experiment with its tags', async () => {
    const { id, name } = seeded('llama-finetune');
    const experiment = await runTool(getExperimentTool, mlflow, { experimentId: id });
    expect(experiment).toMatchObject({
      id,
      name,
      lifecycle: 'active',
      tags: { team: 'llm', project: 'llama3-sft' },
      ref: { uri: `mlflow://experiments/${id}` },
    });
    expect(experiment.artifactLocation).toBeTruthy();
  });

  it('accepts the experiment URI another tool returned', async () => {
    const { id } = seeded('eval-harness');
    const experiment = await runTool(getExperimentTool, mlflow, {
      experimentId: `mlflow://experiments/${id}`,
    });
    expect(experiment.id).toBe(id);
  });

  it('answers an unknown experiment id with not_found and a hint', async () => {
    const error = await failure(runTool(getExperimentTool, mlflow, { experimentId: '987654' }));
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_experiments/);
  });

  it('rejects a run URI in place of an experiment id, naming the field', async () => {
    const error = await failure(
      runTool(getExperimentTool, mlflow, { experimentId: `mlflow://runs/${seed.runs[0]!.id}` }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'experimentId' });
  });
});

describe('mlflow_get_experiment_by_name', () => {
  it('finds a seeded experiment by its exact name', async () => {
    const { id, name } = seeded('eval-harness');
    const experiment = await runTool(getExperimentByNameTool, mlflow, { name });
    expect(experiment).toMatchObject({ id, name, lifecycle: 'active' });
    expect(experiment.tags).toMatchObject({ team: 'eval', framework: 'nemo-evaluator' });
  });

  it('answers an unknown name with not_found and points at a LIKE search', async () => {
    const error = await failure(
      runTool(getExperimentByNameTool, mlflow, { name: 'no-such-experiment' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/LIKE/);
  });
});

describe('mlflow_create_experiment', () => {
  it('creates an experiment that mlflow_get_experiment then shows', async () => {
    const name = unique('created');
    const created = await runTool(createExperimentTool, mlflow, {
      name,
      tags: { team: 'writes', owner: 'agent' },
    });
    expect(created).toMatchObject({ name, lifecycle: 'active' });
    expect(created.ref.uri).toBe(`mlflow://experiments/${created.id}`);
    const read = await runTool(getExperimentTool, mlflow, { experimentId: created.id });
    expect(read).toMatchObject({
      id: created.id,
      name,
      lifecycle: 'active',
      tags: { team: 'writes', owner: 'agent' },
    });
  });

  it('uses the artifact location it is given', async () => {
    const location = `file:///tmp/mlops-mcp-test-artifacts/${randomUUID()}`;
    const created = await runTool(createExperimentTool, mlflow, {
      name: unique('located'),
      artifactLocation: location,
    });
    const read = await runTool(getExperimentTool, mlflow, { experimentId: created.id });
    expect(read.artifactLocation).toBe(location);
  });

  it('answers a taken name with invalid_input naming the experiment that holds it', async () => {
    const { id, name } = seeded('baseline-sklearn');
    const error = await failure(runTool(createExperimentTool, mlflow, { name }));
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow', field: 'name' });
    expect(error.message).toContain(`id ${id}`);
    expect(error.message).not.toMatch(/sqlite|INSERT/i);
    expect(error.hint).toMatch(/choose another name/);
  });

  it('says to restore when the name belongs to a deleted experiment', async () => {
    const scratch = await freshExperiment();
    await runTool(deleteExperimentTool, mlflow, { experimentId: scratch.id });
    const error = await failure(runTool(createExperimentTool, mlflow, { name: scratch.name }));
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'name' });
    expect(error.message).toMatch(/deleted/);
    expect(error.hint).toMatch(/mlflow_restore_experiment/);
    expect(error.hint).toContain(scratch.id);
  });

  it('refuses reserved mlflow.* tag keys before calling MLflow, naming the key', async () => {
    const name = unique('reserved');
    const error = await failure(
      runTool(createExperimentTool, mlflow, { name, tags: { 'mlflow.note.content': 'x' } }),
    );
    expect(issuePaths(error)).toEqual(['tags.mlflow.note.content']);
    expect(error.message).toMatch(/reserved/);
    await expect(runTool(getExperimentByNameTool, mlflow, { name })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('refuses tag keys with characters MLflow rejects', async () => {
    const error = await failure(
      runTool(createExperimentTool, mlflow, { name: unique('chars'), tags: { 'bad key!': 'x' } }),
    );
    expect(issuePaths(error)).toEqual(['tags.bad key!']);
    expect(error.message).toMatch(/may only contain/);
  });
});

describe('mlflow_update_experiment', () => {
  it('renames an experiment: the new name finds it, the old one no longer does', async () => {
    const scratch = await freshExperiment();
    const newName = unique('renamed');
    const result = await runTool(updateExperimentTool, mlflow, {
      experimentId: scratch.id,
      newName,
    });
    expect(result).toEqual({ experimentId: scratch.id, name: newName });
    const read = await runTool(getExperimentByNameTool, mlflow, { name: newName });
    expect(read.id).toBe(scratch.id);
    await expect(
      runTool(getExperimentByNameTool, mlflow, { name: scratch.name }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('answers a taken new name with invalid_input on newName', async () => {
    const scratch = await freshExperiment();
    const { id, name } = seeded('llama-finetune');
    const error = await failure(
      runTool(updateExperimentTool, mlflow, { experimentId: scratch.id, newName: name }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'newName' });
    expect(error.message).toContain(`id ${id}`);
    expect((await runTool(getExperimentTool, mlflow, { experimentId: scratch.id })).name).toBe(
      scratch.name,
    );
  });

  it('answers an unknown experiment with not_found', async () => {
    const error = await failure(
      runTool(updateExperimentTool, mlflow, { experimentId: '987654', newName: unique('x') }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });
});

describe('mlflow_delete_experiment and mlflow_restore_experiment', () => {
  it('deletes an experiment with its runs and restores both', async () => {
    const scratch = await freshExperiment();
    const run = await runTool(createRunTool, mlflow, {
      experimentId: scratch.id,
      runName: 'inside',
    });

    expect(await runTool(deleteExperimentTool, mlflow, { experimentId: scratch.id })).toEqual({
      experimentId: scratch.id,
      lifecycle: 'deleted',
    });
    const deleted = await runTool(getExperimentTool, mlflow, { experimentId: scratch.id });
    expect(deleted.lifecycle).toBe('deleted');
    expect(await searchExperimentIds()).not.toContain(scratch.id);
    expect(await searchExperimentIds(true)).toContain(scratch.id);
    expect((await runTool(getRunTool, mlflow, { runId: run.id })).lifecycle).toBe('deleted');

    expect(await runTool(restoreExperimentTool, mlflow, { experimentId: scratch.id })).toEqual({
      experimentId: scratch.id,
      lifecycle: 'active',
    });
    const restored = await runTool(getExperimentTool, mlflow, { experimentId: scratch.id });
    expect(restored.lifecycle).toBe('active');
    expect(await searchExperimentIds()).toContain(scratch.id);
    const runs = await runTool(searchRunsTool, mlflow, { experimentIds: [scratch.id] });
    expect(runs.items.map((item) => item.id)).toEqual([run.id]);
  });

  it('answers deleting an unknown or already deleted experiment with not_found', async () => {
    const scratch = await freshExperiment();
    await runTool(deleteExperimentTool, mlflow, { experimentId: scratch.id });
    const again = await failure(
      runTool(deleteExperimentTool, mlflow, { experimentId: scratch.id }),
    );
    expect(again).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(again.hint).toMatch(/already deleted/);
    const unknown = await failure(
      runTool(deleteExperimentTool, mlflow, { experimentId: '987654' }),
    );
    expect(unknown).toMatchObject({ kind: 'not_found' });
  });

  it('answers restoring an active experiment with not_found that says it is active', async () => {
    const { id } = seeded('llama-finetune');
    const error = await failure(runTool(restoreExperimentTool, mlflow, { experimentId: id }));
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/already active/);
  });
});

describe('mlflow_set_experiment_tag and mlflow_delete_experiment_tag', () => {
  it('sets, overwrites and deletes a tag, each visible in mlflow_get_experiment', async () => {
    const scratch = await freshExperiment({ keep: 'yes' });
    const tags = async () =>
      (await runTool(getExperimentTool, mlflow, { experimentId: scratch.id })).tags;

    await runTool(setExperimentTagTool, mlflow, {
      experimentId: scratch.id,
      key: 'status',
      value: 'draft',
    });
    expect(await tags()).toEqual({ keep: 'yes', status: 'draft' });

    const result = await runTool(setExperimentTagTool, mlflow, {
      experimentId: `mlflow://experiments/${scratch.id}`,
      key: 'status',
      value: 'final',
    });
    expect(result).toEqual({ experimentId: scratch.id, key: 'status', value: 'final' });
    expect(await tags()).toEqual({ keep: 'yes', status: 'final' });

    expect(
      await runTool(deleteExperimentTagTool, mlflow, { experimentId: scratch.id, key: 'status' }),
    ).toEqual({ experimentId: scratch.id, key: 'status', deleted: true });
    expect(await tags()).toEqual({ keep: 'yes' });
  });

  it('answers deleting a missing tag with not_found that points at the tag list', async () => {
    const scratch = await freshExperiment();
    const error = await failure(
      runTool(deleteExperimentTagTool, mlflow, { experimentId: scratch.id, key: 'absent' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_get_experiment/);
  });

  it('answers tagging an unknown experiment with not_found', async () => {
    const error = await failure(
      runTool(setExperimentTagTool, mlflow, { experimentId: '987654', key: 'k', value: 'v' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });

  it('refuses reserved mlflow.* keys in both tools', async () => {
    const { id } = seeded('llama-finetune');
    const tools: AnyToolDefinition<MlflowAdapter>[] = [
      setExperimentTagTool,
      deleteExperimentTagTool,
    ];
    for (const tool of tools) {
      const error = await failure(
        runTool(tool, mlflow, { experimentId: id, key: 'mlflow.note.content', value: 'x' }),
      );
      expect(issuePaths(error)).toEqual(['key']);
      expect(error.message).toMatch(/reserved/);
    }
  });

  it('answers tagging a deleted experiment with invalid_input that says to restore it', async () => {
    const scratch = await freshExperiment();
    await runTool(deleteExperimentTool, mlflow, { experimentId: scratch.id });
    const error = await failure(
      runTool(setExperimentTagTool, mlflow, { experimentId: scratch.id, key: 'k', value: 'v' }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.message).toMatch(/active/);
  });
});
