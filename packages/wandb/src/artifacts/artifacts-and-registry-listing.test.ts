import { MlopsError } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../../test/standin-adapter.js';
import { listRegistryTool } from '../registry/list-registry.js';
import { getArtifactTool } from './get-artifact.js';
import { listArtifactsTool } from './list-artifacts.js';

const { standin, wandb } = await useStandinAdapter();

const project = 'llm-finetune';

describe('wandb_list_artifacts', () => {
  it('lists the versions a run logged and the ones it used', async () => {
    const result = await runTool(listArtifactsTool, wandb, { run: standin.runs.healthyA, project });
    expect(result.level).toBe('run');
    const logged = result.artifacts!.filter((a) => a.direction === 'logged').map((a) => a.name);
    const used = result.artifacts!.filter((a) => a.direction === 'used').map((a) => a.name);
    expect(logged).toEqual(['llama-sft:v0']);
    expect(used).toEqual(['sft-mix:v2']);
  });

  it("lists a project's artifact types with their collections and aliases", async () => {
    const result = await runTool(listArtifactsTool, wandb, { project });
    expect(result.level).toBe('types');
    const model = result.types!.find((t) => t.name === 'model')!;
    expect(model.collections.map((c) => c.name)).toEqual(['llama-sft']);
    expect(model.collections[0]!.aliases).toEqual(expect.arrayContaining(['latest', 'best']));
    expect(result.types!.map((t) => t.name).sort()).toEqual(['dataset', 'model']);
  });

  it("lists a collection's versions newest first with aliases", async () => {
    const result = await runTool(listArtifactsTool, wandb, {
      project,
      type: 'model',
      collection: 'llama-sft',
    });
    expect(result.level).toBe('versions');
    expect(result.totalCount).toBe(5);
    expect(result.artifacts!.map((a) => a.version)).toEqual(['v4', 'v3', 'v2', 'v1', 'v0']);
    expect(result.artifacts![0]!.aliases).toEqual(['v4', 'latest']);
    expect(result.artifacts![0]!.metadata).toEqual({
      base_model: 'llama-3-8b',
      format: 'safetensors',
    });
  });

  it('says an unknown collection was not found with a hint', async () => {
    const error = await runTool(listArtifactsTool, wandb, {
      project,
      type: 'model',
      collection: 'nope',
    }).catch((e: unknown) => e);
    expect(MlopsError.isInstance(error) && error.kind).toBe('not_found');
    expect((error as MlopsError).hint).toContain('wandb_list_artifacts');
  });
});

describe('wandb_get_artifact', () => {
  it('resolves an alias and shows the run that created it and the runs that used it', async () => {
    const result = await runTool(getArtifactTool, wandb, {
      artifact: `${standin.entity}/${project}/llama-sft:best`,
    });
    expect(result).toMatchObject({ name: 'llama-sft:v2', type: 'model', fileCount: 4 });
    expect(result.aliases).toEqual(['v2', 'best']);
    expect(result.createdBy).toMatchObject({ id: standin.runs.long, status: 'finished' });
    expect(result.usedBy.totalCount).toBe(5);
    expect(
      result.usedBy.items.every((run) =>
        run.ref.uri.startsWith('wandb://acme-ml/llm-finetune/runs/'),
      ),
    ).toBe(true);
  });

  it('caps a long usedBy list and says so', async () => {
    const result = await runTool(getArtifactTool, wandb, { artifact: 'sft-mix:latest', project });
    expect(result.createdBy?.id).toBe(standin.runs.prep);
    expect(result.usedBy.totalCount).toBe(60);
    expect(result.usedBy.items).toHaveLength(50);
    expect(result.usedBy.truncated).toBe(true);
  });

  it('asks for a version when the name has none', async () => {
    const error = await runTool(getArtifactTool, wandb, { artifact: 'llama-sft', project }).catch(
      (e: unknown) => e,
    );
    expect(MlopsError.isInstance(error) && error.kind).toBe('invalid_input');
  });

  it('says an unknown version was not found', async () => {
    const error = await runTool(getArtifactTool, wandb, {
      artifact: 'llama-sft:v99',
      project,
    }).catch((e: unknown) => e);
    expect(MlopsError.isInstance(error) && error.kind).toBe('not_found');
  });
});

describe('wandb_list_registry', () => {
  it("lists an organization's registry collections with their aliases", async () => {
    const result = await runTool(listRegistryTool, wandb, { organization: standin.organization });
    expect(result.owner).toBe('acme-org');
    const byName = Object.fromEntries(result.items.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['llama-sft-prod', 'sft-mix-golden']);
    expect(byName['llama-sft-prod']).toMatchObject({
      registry: 'wandb-registry-model',
      type: 'model',
      versionCount: 3,
    });
    expect(byName['llama-sft-prod']!.aliases.sort()).toEqual(['production', 'staging']);
  });

  it('narrows to one registry', async () => {
    const result = await runTool(listRegistryTool, wandb, {
      organization: standin.organization,
      registry: 'dataset',
    });
    expect(result.items.map((c) => c.name)).toEqual(['sft-mix-golden']);
  });

  it("lists an entity's linked collections (the legacy model registry) without an organization", async () => {
    const result = await runTool(listRegistryTool, wandb, {});
    expect(result.items.map((c) => `${c.registry}/${c.name}`)).toEqual([
      'model-registry/legacy-llama',
    ]);
  });

  it('says an unknown organization was not found', async () => {
    const error = await runTool(listRegistryTool, wandb, { organization: 'nobody' }).catch(
      (e: unknown) => e,
    );
    expect(MlopsError.isInstance(error) && error.kind).toBe('not_found');
  });
});
