import { failure, runTool } from '@mlops-mcp/testkit';
import { itRendersEveryToolSchema } from '@mlops-mcp/testkit/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { createModelVersionTool } from './create-model-version.js';
import { createRegisteredModelTool } from './create-registered-model.js';
import { deleteModelVersionTool } from './delete-model-version.js';
import { deleteModelVersionTagTool } from './delete-model-version-tag.js';
import { deleteRegisteredModelTool } from './delete-registered-model.js';
import { deleteRegisteredModelAliasTool } from './delete-registered-model-alias.js';
import { deleteRegisteredModelTagTool } from './delete-registered-model-tag.js';
import { getLatestModelVersionsTool } from './get-latest-model-versions.js';
import { getModelVersionTool } from './get-model-version.js';
import { getModelVersionByAliasTool } from './get-model-version-by-alias.js';
import { getModelVersionDownloadUriTool } from './get-model-version-download-uri.js';
import { getRegisteredModelTool } from './get-registered-model.js';
import { createMlflowRegistry } from './registry-capability.js';
import { registryTools } from './registry-tools.js';
import { renameRegisteredModelTool } from './rename-registered-model.js';
import { searchModelVersionsTool } from './search-model-versions.js';
import { searchRegisteredModelsTool } from './search-registered-models.js';
import { setModelVersionTagTool } from './set-model-version-tag.js';
import { setRegisteredModelAliasTool } from './set-registered-model-alias.js';
import { setRegisteredModelTagTool } from './set-registered-model-tag.js';
import { transitionModelVersionStageTool } from './transition-model-version-stage.js';
import { updateModelVersionTool } from './update-model-version.js';
import { updateRegisteredModelTool } from './update-registered-model.js';

/** What seed_mlflow_registry.py returns (the prompt is all these tests need from it). */
interface RegistryExtras {
  prompt: { name: string };
}

const { seed, mlflow } = useSharedMlflow();
let promptName: string;

beforeAll(async () => {
  promptName = (seed.extras.registry as RegistryExtras).prompt.name;
});

const MODEL = 'llama-3-8b-ft';
const seededVersion = (version: string) => seed.modelVersions.find((v) => v.version === version)!;

/** Runs the seed did not register, so searches by run_id still see only the seeded versions. */
function unregisteredRuns() {
  const registered = new Set(seed.modelVersions.map((v) => v.runId));
  return seed.runs.filter((run) => !registered.has(run.id));
}

const SUITE = Date.now().toString(36);
let modelCounter = 0;
/** A fresh registered model with `versions` versions, each registered from a seeded run. */
async function freshModel(versions = 1, prefix = 'reg-test'): Promise<string> {
  const name = `${prefix}-${SUITE}-${++modelCounter}`;
  await runTool(createRegisteredModelTool, mlflow, { name });
  for (let i = 0; i < versions; i++) {
    const run = unregisteredRuns()[i]!;
    await runTool(createModelVersionTool, mlflow, {
      name,
      source: `runs:/${run.id}/model`,
      runId: run.id,
    });
  }
  return name;
}

describe('registry tool definitions', () => {
  itRendersEveryToolSchema(registryTools);
});

describe('mlflow_search_registered_models', () => {
  it('finds the seeded model by name with its alias map', async () => {
    const result = await runTool(searchRegisteredModelsTool, mlflow, {
      filter: "name LIKE 'llama-3-8b%'",
    });
    expect(result.items.map((m) => m.name)).toEqual([MODEL]);
    expect(result.items[0]!.aliases).toEqual({ champion: '2' });
    expect(result.items[0]!.latestVersions[0]).toMatchObject({
      version: '2',
      aliases: ['champion'],
    });
  });

  it('leaves prompts out of model listings', async () => {
    const all = await runTool(searchRegisteredModelsTool, mlflow, { limit: 1000 });
    expect(all.items.map((m) => m.name)).not.toContain(promptName);
    const byName = await runTool(searchRegisteredModelsTool, mlflow, {
      filter: `name = '${promptName}'`,
    });
    expect(byName.items).toEqual([]);
  });

  it('refuses a filter on the prompt marker tag and points at the prompt tools', async () => {
    const error = await failure(
      runTool(searchRegisteredModelsTool, mlflow, {
        filter: "tags.`mlflow.prompt.is_prompt` = 'true'",
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'filter' });
    expect(error.hint).toMatch(/mlflow_search_prompts/);
  });

  it('pages through matching models without gaps or repeats', async () => {
    const names = [
      await freshModel(0, 'paged'),
      await freshModel(0, 'paged'),
      await freshModel(0, 'paged'),
    ];
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await runTool(searchRegisteredModelsTool, mlflow, {
        filter: `name LIKE 'paged-${SUITE}-%'`,
        limit: 1,
        cursor,
      });
      seen.push(...result.items.map((m) => m.name));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(names.sort());
  });

  it('cuts a page to the response budget and resumes where it stopped', async () => {
    const names = [
      await freshModel(1, 'budget'),
      await freshModel(1, 'budget'),
      await freshModel(1, 'budget'),
    ];
    const args = { filter: `name LIKE 'budget-${SUITE}-%'`, limit: 10 };
    const first = await runTool(searchRegisteredModelsTool, mlflow, args, {
      maxResponseTokens: 300,
    });
    expect(first.truncated).toBe(true);
    expect(first.items.length).toBeLessThan(names.length);
    const seen = first.items.map((m) => m.name);
    let cursor = first.nextCursor;
    for (let page = 0; cursor && page < 10; page++) {
      const next = await runTool(
        searchRegisteredModelsTool,
        mlflow,
        { ...args, cursor },
        { maxResponseTokens: 300 },
      );
      seen.push(...next.items.map((m) => m.name));
      cursor = next.nextCursor;
    }
    expect(seen.sort()).toEqual(names.sort());
  });

  it('answers a malformed filter with invalid_input and filter advice', async () => {
    const error = await failure(
      runTool(searchRegisteredModelsTool, mlflow, { filter: 'name LIKE' }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.hint).toMatch(/name LIKE/);
  });

  it('rejects out-of-range limits before calling MLflow', async () => {
    await expect(runTool(searchRegisteredModelsTool, mlflow, { limit: 0 })).rejects.toThrow();
    await expect(runTool(searchRegisteredModelsTool, mlflow, { limit: 5000 })).rejects.toThrow();
  });
});

describe('mlflow_get_registered_model', () => {
  it('returns description, tags, aliases and the latest version', async () => {
    const model = await runTool(getRegisteredModelTool, mlflow, { name: MODEL });
    expect(model).toMatchObject({
      name: MODEL,
      aliases: { champion: '2' },
      tags: { task: 'text-generation' },
      ref: { kind: 'registered-model', uri: `mlflow://registered-models/${MODEL}` },
    });
    expect(model.description).toMatch(/LoRA/);
    expect(model.latestVersions.map((v) => v.version)).toEqual(['2']);
  });

  it('accepts the ref.uri another tool returned', async () => {
    const model = await runTool(getRegisteredModelTool, mlflow, {
      name: `mlflow://registered-models/${MODEL}`,
    });
    expect(model.name).toBe(MODEL);
  });

  it('answers an unknown name with not_found naming the search tool', async () => {
    const error = await failure(runTool(getRegisteredModelTool, mlflow, { name: 'no-such-model' }));
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_registered_models/);
  });

  it('treats a prompt as not found and points at mlflow_get_prompt', async () => {
    const error = await failure(runTool(getRegisteredModelTool, mlflow, { name: promptName }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_get_prompt/);
  });
});

describe('mlflow_search_model_versions', () => {
  it("lists a model's versions with the runs they came from", async () => {
    const result = await runTool(searchModelVersionsTool, mlflow, { filter: `name = '${MODEL}'` });
    const byVersion = Object.fromEntries(result.items.map((v) => [v.version, v.runId]));
    expect(byVersion).toEqual({ '1': seededVersion('1').runId, '2': seededVersion('2').runId });
  });

  it('finds the version registered from one run', async () => {
    const { runId } = seededVersion('1');
    const result = await runTool(searchModelVersionsTool, mlflow, {
      filter: `run_id = '${runId}'`,
    });
    expect(result.items.map((v) => `${v.modelName}/${v.version}`)).toEqual([`${MODEL}/1`]);
  });

  it('sorts by version number when asked', async () => {
    const result = await runTool(searchModelVersionsTool, mlflow, {
      filter: `name = '${MODEL}'`,
      orderBy: ['version_number ASC'],
    });
    expect(result.items.map((v) => v.version)).toEqual(['1', '2']);
  });

  it('leaves prompt versions out', async () => {
    const result = await runTool(searchModelVersionsTool, mlflow, {
      filter: `name = '${promptName}'`,
    });
    expect(result.items).toEqual([]);
  });

  it('answers an unknown filter key with invalid_input', async () => {
    const error = await failure(
      runTool(searchModelVersionsTool, mlflow, { filter: "flavor = 'x'" }),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/flavor/);
  });
});

describe('mlflow_get_model_version', () => {
  it('returns source, run, tags and a model-version ref', async () => {
    const { runId } = seededVersion('1');
    const version = await runTool(getModelVersionTool, mlflow, { name: MODEL, version: '1' });
    expect(version).toMatchObject({
      modelName: MODEL,
      version: '1',
      runId,
      source: `runs:/${runId}/model`,
      status: 'READY',
      tags: { validated: 'true' },
      ref: { kind: 'model-version', id: `${MODEL}/1` },
    });
    expect(version.aliases).toBeUndefined();
  });

  it('accepts a numeric version and the version ref.uri', async () => {
    const first = await runTool(getModelVersionTool, mlflow, { name: MODEL, version: 2 });
    expect(first.aliases).toEqual(['champion']);
    const again = await runTool(getModelVersionTool, mlflow, { name: first.ref.uri });
    expect(again.version).toBe('2');
  });

  it('answers an unknown version with not_found naming mlflow_search_model_versions', async () => {
    const error = await failure(
      runTool(getModelVersionTool, mlflow, { name: MODEL, version: '99' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_model_versions/);
  });

  it('rejects a version that is not a number', async () => {
    await expect(
      runTool(getModelVersionTool, mlflow, { name: MODEL, version: 'latest' }),
    ).rejects.toThrow(/whole numbers/);
  });

  it('treats a prompt version as not found', async () => {
    const error = await failure(
      runTool(getModelVersionTool, mlflow, { name: promptName, version: '1' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_get_prompt/);
  });
});

describe('mlflow_get_model_version_by_alias', () => {
  it('resolves champion to version 2', async () => {
    const version = await runTool(getModelVersionByAliasTool, mlflow, {
      name: MODEL,
      alias: 'champion',
    });
    expect(version).toMatchObject({ version: '2', aliases: ['champion'] });
    expect(version.runId).toBe(seededVersion('2').runId);
  });

  it('answers an unknown alias with not_found naming mlflow_get_registered_model', async () => {
    const error = await failure(
      runTool(getModelVersionByAliasTool, mlflow, { name: MODEL, alias: 'no-such-alias' }),
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_get_registered_model/);
  });

  it('answers an unknown model with not_found', async () => {
    const error = await failure(
      runTool(getModelVersionByAliasTool, mlflow, { name: 'no-such-model', alias: 'champion' }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('mlflow_get_latest_model_versions', () => {
  it('returns the newest version when stages are unused', async () => {
    const result = await runTool(getLatestModelVersionsTool, mlflow, { name: MODEL });
    expect(result.items.map((v) => v.version)).toEqual(['2']);
    expect(result.items[0]!.stage).toBeUndefined();
  });

  it('answers an unknown model with not_found', async () => {
    const error = await failure(
      runTool(getLatestModelVersionsTool, mlflow, { name: 'no-such-model' }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('mlflow_get_model_version_download_uri', () => {
  it('returns the storage URI of a version', async () => {
    const result = await runTool(getModelVersionDownloadUriTool, mlflow, {
      name: MODEL,
      version: '2',
    });
    expect(result.artifactUri).toBe(`runs:/${seededVersion('2').runId}/model`);
  });

  it('answers an unknown version with not_found', async () => {
    const error = await failure(
      runTool(getModelVersionDownloadUriTool, mlflow, { name: MODEL, version: '42' }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('registry writes', () => {
  it('creates a model and registers a version that reads back', async () => {
    const name = await freshModel(0);
    const run = unregisteredRuns()[0]!;
    const created = await runTool(createModelVersionTool, mlflow, {
      name,
      source: `runs:/${run.id}/model`,
      runId: `mlflow://runs/${run.id}`,
      description: 'first cut',
      tags: { dataset: 'ultrachat' },
    });
    expect(created.version).toBe('1');
    const read = await runTool(getModelVersionTool, mlflow, { name, version: '1' });
    expect(read).toMatchObject({
      runId: run.id,
      description: 'first cut',
      tags: { dataset: 'ultrachat' },
    });
  });

  it('refuses a taken model name with invalid_input', async () => {
    const error = await failure(runTool(createRegisteredModelTool, mlflow, { name: MODEL }));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/already exists/);
  });

  it('refuses a version source that does not belong to the run', async () => {
    const name = await freshModel(0);
    const error = await failure(
      runTool(createModelVersionTool, mlflow, {
        name,
        source: `runs:/${seed.runs[1]!.id}/model`,
        runId: seed.runs[0]!.id,
      }),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.hint).toMatch(/runs:\/<runId>/);
  });

  it('sets an alias that resolves, then deletes it', async () => {
    const name = await freshModel(2);
    await runTool(setRegisteredModelAliasTool, mlflow, { name, alias: 'staging', version: '1' });
    const resolved = await runTool(getModelVersionByAliasTool, mlflow, { name, alias: 'staging' });
    expect(resolved.version).toBe('1');
    await runTool(deleteRegisteredModelAliasTool, mlflow, { name, alias: 'staging' });
    const model = await runTool(getRegisteredModelTool, mlflow, { name });
    expect(model.aliases).toEqual({});
  });

  it('rejects reserved alias names before calling MLflow', async () => {
    await expect(
      runTool(setRegisteredModelAliasTool, mlflow, { name: MODEL, alias: 'latest', version: '1' }),
    ).rejects.toThrow(/reserved/);
    await expect(
      runTool(setRegisteredModelAliasTool, mlflow, { name: MODEL, alias: 'v3', version: '1' }),
    ).rejects.toThrow(/reserved/);
  });

  it('answers an alias on a missing version with not_found', async () => {
    const name = await freshModel(1);
    const error = await failure(
      runTool(setRegisteredModelAliasTool, mlflow, { name, alias: 'prod', version: '7' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_search_model_versions/);
  });

  it('sets and deletes a registered model tag', async () => {
    const name = await freshModel(0);
    await runTool(setRegisteredModelTagTool, mlflow, { name, key: 'owner', value: 'ana' });
    expect((await runTool(getRegisteredModelTool, mlflow, { name })).tags).toEqual({
      owner: 'ana',
    });
    await runTool(deleteRegisteredModelTagTool, mlflow, { name, key: 'owner' });
    expect((await runTool(getRegisteredModelTool, mlflow, { name })).tags).toBeUndefined();
  });

  it('sets and deletes a model version tag', async () => {
    const name = await freshModel(1);
    await runTool(setModelVersionTagTool, mlflow, {
      name,
      version: 1,
      key: 'eval',
      value: 'passed',
    });
    const tagged = await runTool(getModelVersionTool, mlflow, { name, version: '1' });
    expect(tagged.tags).toEqual({ eval: 'passed' });
    await runTool(deleteModelVersionTagTool, mlflow, { name, version: '1', key: 'eval' });
    const untagged = await runTool(getModelVersionTool, mlflow, { name, version: '1' });
    expect(untagged.tags).toBeUndefined();
  });

  it('refuses reserved mlflow.* tag keys', async () => {
    await expect(
      runTool(setRegisteredModelTagTool, mlflow, {
        name: MODEL,
        key: 'mlflow.prompt.is_prompt',
        value: 'true',
      }),
    ).rejects.toThrow(/reserved/);
  });

  it('updates model and version descriptions', async () => {
    const name = await freshModel(1);
    const model = await runTool(updateRegisteredModelTool, mlflow, {
      name,
      description: 'A **better** model',
    });
    expect(model.description).toBe('A **better** model');
    await runTool(updateModelVersionTool, mlflow, { name, version: '1', description: 'v1 notes' });
    const version = await runTool(getModelVersionTool, mlflow, { name, version: '1' });
    expect(version.description).toBe('v1 notes');
    expect((await runTool(getRegisteredModelTool, mlflow, { name })).description).toBe(
      'A **better** model',
    );
  });

  it('moves versions through stages and archives the previous one', async () => {
    const name = await freshModel(2);
    const first = await runTool(transitionModelVersionStageTool, mlflow, {
      name,
      version: '1',
      stage: 'Production',
    });
    expect(first.stage).toBe('Production');
    await runTool(transitionModelVersionStageTool, mlflow, {
      name,
      version: '2',
      stage: 'Production',
      archiveExistingVersions: true,
    });
    const production = await runTool(getLatestModelVersionsTool, mlflow, {
      name,
      stages: ['Production'],
    });
    expect(production.items.map((v) => v.version)).toEqual(['2']);
    const archived = await runTool(getModelVersionTool, mlflow, { name, version: '1' });
    expect(archived.stage).toBe('Archived');
  });

  it('rejects an unknown stage before calling MLflow', async () => {
    await expect(
      runTool(transitionModelVersionStageTool, mlflow, {
        name: MODEL,
        version: '1',
        stage: 'Prod',
      }),
    ).rejects.toThrow();
  });

  it('renames a model so only the new name resolves', async () => {
    const name = await freshModel(1);
    const renamed = await runTool(renameRegisteredModelTool, mlflow, {
      name,
      newName: `${name}-renamed`,
    });
    expect(renamed.name).toBe(`${name}-renamed`);
    expect(renamed.latestVersions.map((v) => v.version)).toEqual(['1']);
    const error = await failure(runTool(getRegisteredModelTool, mlflow, { name }));
    expect(error.kind).toBe('not_found');
  });

  it('deletes a version, then the model', async () => {
    const name = await freshModel(2);
    await runTool(deleteModelVersionTool, mlflow, { name, version: '1' });
    const versions = await runTool(searchModelVersionsTool, mlflow, { filter: `name = '${name}'` });
    expect(versions.items.map((v) => v.version)).toEqual(['2']);
    await runTool(deleteRegisteredModelTool, mlflow, { name });
    const error = await failure(runTool(getRegisteredModelTool, mlflow, { name }));
    expect(error.kind).toBe('not_found');
  });

  it('answers deleting an unknown version with not_found', async () => {
    const error = await failure(
      runTool(deleteModelVersionTool, mlflow, { name: MODEL, version: '77' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_search_model_versions/);
  });

  it('refuses to write to a prompt through the model tools', async () => {
    const error = await failure(
      runTool(setRegisteredModelTagTool, mlflow, { name: promptName, key: 'x', value: 'y' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_register_prompt/);
  });
});

describe('neutral Registry capability', () => {
  it('resolves an alias to a neutral model version with its ref', async () => {
    const registry = createMlflowRegistry(mlflow);
    const version = await registry.getModelVersionByAlias!(MODEL, 'champion');
    expect(version).toMatchObject({ modelName: MODEL, version: '2' });
    expect(version.ref.uri).toBe(`mlflow://model-versions/${MODEL}%2F2`);
  });

  it('searches models and gets a version', async () => {
    const registry = createMlflowRegistry(mlflow);
    const page = await registry.searchModels({ filter: `name = '${MODEL}'`, limit: 10 });
    expect(page.items.map((m) => m.aliases)).toEqual([{ champion: '2' }]);
    const version = await registry.getModelVersion(MODEL, '1');
    expect(version.runId).toBe(seededVersion('1').runId);
  });
});
