import { failure, runTool } from '@mlops-mcp/testkit';
import { itRendersEveryToolSchema } from '@mlops-mcp/testkit/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { createLoggedModelTool } from './create-logged-model.js';
import { deleteLoggedModelTool } from './delete-logged-model.js';
import { deleteLoggedModelTagTool } from './delete-logged-model-tag.js';
import { finalizeLoggedModelTool } from './finalize-logged-model.js';
import { getLoggedModelTool } from './get-logged-model.js';
import { logLoggedModelParamsTool } from './log-logged-model-params.js';
import { loggedModelStatusForm, translateLoggedModelFilter } from './logged-model-query.js';
import { loggedModelsTools } from './logged-models-tools.js';
import { searchLoggedModelsTool } from './search-logged-models.js';
import { setLoggedModelTagsTool } from './set-logged-model-tags.js';

/** What seed_mlflow_registry.py returns about logged models. */
interface RegistryExtras {
  experimentId: string;
  sourceRunId: string;
  loggedModels: { id: string; name: string; status: 'READY' | 'PENDING' }[];
}

const { seed, mlflow } = useSharedMlflow();
let extras: RegistryExtras;

beforeAll(async () => {
  extras = seed.extras.registry as RegistryExtras;
});

const seeded = (status: 'READY' | 'PENDING') =>
  extras.loggedModels.find((m) => m.status === status)!;

/** A new PENDING logged model in the seeded experiment. */
async function freshModel(params: Record<string, string> = {}): Promise<string> {
  const created = await runTool(createLoggedModelTool, mlflow, {
    experimentId: extras.experimentId,
    name: 'scratch',
    sourceRunId: extras.sourceRunId,
    params,
  });
  return created.id;
}

describe('logged-model tool definitions', () => {
  itRendersEveryToolSchema(loggedModelsTools);
});

describe('mlflow_search_logged_models', () => {
  it('lists the seeded models of an experiment, newest first', async () => {
    const result = await runTool(searchLoggedModelsTool, mlflow, {
      experimentIds: [extras.experimentId],
      filter: "name LIKE 'llama-3-8b-lora%'",
    });
    expect(result.items.map((m) => m.id)).toEqual([seeded('PENDING').id, seeded('READY').id]);
  });

  it('filters by status name, in any case, on the server in use (numbers up to 3.17, names from 3.18)', async () => {
    const ready = await runTool(searchLoggedModelsTool, mlflow, {
      experimentIds: [extras.experimentId],
      filter: "status = 'READY' AND name LIKE 'llama-3-8b-lora%'",
    });
    expect(ready.items.map((m) => m.id)).toEqual([seeded('READY').id]);
    const pending = await runTool(searchLoggedModelsTool, mlflow, {
      experimentIds: [extras.experimentId],
      filter: "status = 'pending' AND name LIKE 'llama-3-8b-lora%'",
    });
    expect(pending.items.map((m) => m.id)).toEqual([seeded('PENDING').id]);
  });

  it('filters by a linked metric and sorts by it', async () => {
    const result = await runTool(searchLoggedModelsTool, mlflow, {
      experimentIds: [extras.experimentId],
      filter: 'metrics.`eval/accuracy` > 0.5',
      orderBy: ['metrics.`eval/accuracy` DESC'],
    });
    expect(result.items.map((m) => m.id)).toEqual([seeded('READY').id]);
  });

  it('searches every experiment when none is given', async () => {
    const result = await runTool(searchLoggedModelsTool, mlflow, {
      filter: `source_run_id = '${extras.sourceRunId}' AND name LIKE 'llama-3-8b-lora%'`,
    });
    expect(result.experimentIds).toContain(extras.experimentId);
    expect(result.items.map((m) => m.id).sort()).toEqual(
      extras.loggedModels.map((m) => m.id).sort(),
    );
  });

  it('pages with a cursor', async () => {
    const args = {
      experimentIds: [extras.experimentId],
      filter: "name LIKE 'llama-3-8b-lora%'",
      limit: 1,
    };
    const first = await runTool(searchLoggedModelsTool, mlflow, args);
    expect(first.items).toHaveLength(1);
    const second = await runTool(searchLoggedModelsTool, mlflow, {
      ...args,
      cursor: first.nextCursor,
    });
    expect(second.items.map((m) => m.id)).toEqual([seeded('READY').id]);
  });

  it('answers a malformed filter with invalid_input and filter advice', async () => {
    const error = await failure(
      runTool(searchLoggedModelsTool, mlflow, {
        experimentIds: [extras.experimentId],
        filter: 'foo >>> 1',
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.hint).toMatch(/status/);
  });

  it('rejects an oversized limit before calling MLflow', async () => {
    await expect(
      runTool(searchLoggedModelsTool, mlflow, { experimentIds: ['1'], limit: 100_000 }),
    ).rejects.toThrow();
  });
});

describe('translateLoggedModelFilter', () => {
  const filter =
    "status = 'READY' AND attributes.status != 'failed' AND tags.status = 'READY' AND params.`status` = 'PENDING'";

  it('rewrites status names to numbers for MLflow up to 3.17, leaving tags and params alone', () => {
    expect(translateLoggedModelFilter(filter, 'number')).toBe(
      "status = '2' AND attributes.status != '3' AND tags.status = 'READY' AND params.`status` = 'PENDING'",
    );
  });

  it('rewrites status names to the upper-case names MLflow 3.18 takes, leaving tags and params alone', () => {
    expect(translateLoggedModelFilter(filter, 'name')).toBe(
      "status = 'READY' AND attributes.status != 'FAILED' AND tags.status = 'READY' AND params.`status` = 'PENDING'",
    );
    expect(translateLoggedModelFilter("status = 'LOGGED_MODEL_UPLOAD_FAILED'", 'name')).toBe(
      "status = 'FAILED'",
    );
  });
});

describe('loggedModelStatusForm', () => {
  it('uses numbers for servers before 3.18 and names from 3.18 on', () => {
    expect(loggedModelStatusForm('3.17.2')).toBe('number');
    expect(loggedModelStatusForm('2.22.1')).toBe('number');
    expect(loggedModelStatusForm('3.18.0')).toBe('name');
    expect(loggedModelStatusForm('3.19.0.dev0')).toBe('name');
    expect(loggedModelStatusForm('4.0.0')).toBe('name');
  });

  it('uses names when the version is unknown', () => {
    expect(loggedModelStatusForm(undefined)).toBe('name');
    expect(loggedModelStatusForm('unknown')).toBe('name');
  });
});

describe('mlflow_get_logged_model', () => {
  it('returns params, the linked metric, tags and status', async () => {
    const model = await runTool(getLoggedModelTool, mlflow, { modelId: seeded('READY').id });
    expect(model).toMatchObject({
      id: seeded('READY').id,
      name: 'llama-3-8b-lora',
      status: 'READY',
      experimentId: extras.experimentId,
      sourceRunId: extras.sourceRunId,
      modelType: 'transformers',
      params: { lora_r: '16', learning_rate: '0.0001' },
      tags: { stage: 'sft', owner: 'ana' },
    });
    expect(model.metrics).toEqual([
      { key: 'eval/accuracy', value: 0.6123, runId: extras.sourceRunId },
    ]);
  });

  it('shows the pending model as PENDING', async () => {
    const model = await runTool(getLoggedModelTool, mlflow, { modelId: seeded('PENDING').id });
    expect(model.status).toBe('PENDING');
  });

  it('answers an unknown id with not_found naming the search tool', async () => {
    const error = await failure(
      runTool(getLoggedModelTool, mlflow, { modelId: 'm-00000000000000000000000000000000' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_logged_models/);
  });

  it('rejects an id with path characters before calling MLflow', async () => {
    await expect(runTool(getLoggedModelTool, mlflow, { modelId: '../runs' })).rejects.toThrow(
      /m-<32 hex>/,
    );
  });
});

describe('logged-model writes', () => {
  it('creates a PENDING model that finalizes to READY', async () => {
    const id = await freshModel({ epochs: '3' });
    const pending = await runTool(getLoggedModelTool, mlflow, { modelId: id });
    expect(pending).toMatchObject({ status: 'PENDING', params: { epochs: '3' } });
    const finalized = await runTool(finalizeLoggedModelTool, mlflow, {
      modelId: id,
      status: 'READY',
    });
    expect(finalized.status).toBe('READY');
    expect((await runTool(getLoggedModelTool, mlflow, { modelId: id })).status).toBe('READY');
  });

  it('finalizes a model as FAILED', async () => {
    const id = await freshModel();
    await runTool(finalizeLoggedModelTool, mlflow, { modelId: id, status: 'FAILED' });
    expect((await runTool(getLoggedModelTool, mlflow, { modelId: id })).status).toBe('FAILED');
  });

  it('answers finalizing an unknown model with not_found', async () => {
    const error = await failure(
      runTool(finalizeLoggedModelTool, mlflow, {
        modelId: 'm-00000000000000000000000000000000',
        status: 'READY',
      }),
    );
    expect(error.kind).toBe('not_found');
  });

  it('answers creating in an unknown experiment with not_found', async () => {
    const error = await failure(
      runTool(createLoggedModelTool, mlflow, { experimentId: '987654321' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_search_experiments/);
  });

  it('logs new params, skips identical ones and refuses changed ones', async () => {
    const id = await freshModel({ lora_r: '16' });
    const result = await runTool(logLoggedModelParamsTool, mlflow, {
      modelId: id,
      params: { lora_r: '16', dropout: '0.1' },
    });
    expect(result).toEqual({ modelId: id, logged: ['dropout'], unchanged: ['lora_r'] });
    const model = await runTool(getLoggedModelTool, mlflow, { modelId: id });
    expect(model.params).toEqual({ lora_r: '16', dropout: '0.1' });
    const error = await failure(
      runTool(logLoggedModelParamsTool, mlflow, { modelId: id, params: { lora_r: '32' } }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'params' });
    expect(error.message).toMatch(/lora_r/);
  });

  it('sets tags, then deletes one', async () => {
    const id = await freshModel();
    await runTool(setLoggedModelTagsTool, mlflow, {
      modelId: id,
      tags: { reviewed: 'yes', owner: 'sam' },
    });
    expect((await runTool(getLoggedModelTool, mlflow, { modelId: id })).tags).toEqual({
      reviewed: 'yes',
      owner: 'sam',
    });
    await runTool(deleteLoggedModelTagTool, mlflow, { modelId: id, key: 'owner' });
    expect((await runTool(getLoggedModelTool, mlflow, { modelId: id })).tags).toEqual({
      reviewed: 'yes',
    });
  });

  it('answers deleting an unset tag with not_found', async () => {
    const id = await freshModel();
    const error = await failure(
      runTool(deleteLoggedModelTagTool, mlflow, { modelId: id, key: 'never-set' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_get_logged_model/);
  });

  it("refuses tag keys with '/' for deletion before calling MLflow", async () => {
    await expect(
      runTool(deleteLoggedModelTagTool, mlflow, { modelId: seeded('READY').id, key: 'a/b' }),
    ).rejects.toThrow(/'\/'/);
  });

  it('deletes a model so it can no longer be read or found', async () => {
    const id = await freshModel();
    await runTool(deleteLoggedModelTool, mlflow, { modelId: id });
    const error = await failure(runTool(getLoggedModelTool, mlflow, { modelId: id }));
    expect(error.kind).toBe('not_found');
    const search = await runTool(searchLoggedModelsTool, mlflow, {
      experimentIds: [extras.experimentId],
      filter: `model_id = '${id}'`,
    });
    expect(search.items).toEqual([]);
  });
});
