import { MlopsError } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../../test/standin-adapter.js';
import { listRegistryTool } from './list-registry.js';

const { standin, wandb } = await useStandinAdapter();

describe('neutral Registry over W&B', () => {
  it('names each registered model <entity>/<registry project>/<collection>', async () => {
    const page = await wandb.capabilities.registry.searchModels({ limit: 10 });
    expect(page.items.map((model) => model.name)).toEqual([
      `${standin.entity}/model-registry/legacy-llama`,
    ]);
  });

  it('resolves an alias to the same version as its version number', async () => {
    const listing = await runTool(listRegistryTool, wandb, {});
    const collection = listing.items[0]!;
    const alias = collection.aliases.find((a) => a !== 'latest') ?? collection.aliases[0]!;
    const name = `${standin.entity}/${collection.registry}/${collection.name}`;
    // A registry alias lives on the collection's link, so it resolves to a concrete version.
    const byAlias = await wandb.capabilities.registry.getModelVersionByAlias!(name, alias);
    expect(byAlias.version).toMatch(/^v\d+$/);
    const byNumber = await wandb.capabilities.registry.getModelVersion(
      name,
      byAlias.version.replace(/^v/, ''),
    );
    expect(byNumber).toMatchObject({ modelName: name, version: byAlias.version });
    expect(byNumber.ref.uri).toBe(
      `wandb://${standin.entity}/${collection.registry}/model-versions/${encodeURIComponent(`${collection.name}:${byAlias.version}`)}`,
    );
  });

  it('rejects a model name that is not entity/project/collection', async () => {
    const error = await wandb.capabilities.registry
      .getModelVersion('just-a-name', '1')
      .catch((e: unknown) => e);
    expect(MlopsError.isInstance(error) && error.kind).toBe('invalid_input');
  });
});
