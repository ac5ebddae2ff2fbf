import {
  InvalidInputError,
  type ModelVersion,
  makeRef,
  type RegisteredModelSummary,
  type Registry,
} from '@mlops-mcp/core';
import { getArtifact } from '../artifacts/artifacts-api.js';
import type { WandbArtifactDetail } from '../artifacts/wandb-artifact.js';
import type { WandbContext } from '../shared/context.js';
import { listRegistry } from './registry-api.js';

/**
 * A W&B registered model is a registry collection, named `<entity>/<registry project>/<collection>`
 * (e.g. `acme-org/wandb-registry-model/llama-ft`); its versions are the linked artifact versions
 * `v<N>` and its aliases are artifact aliases.
 */
function parseModelName(name: string): { entity: string; project: string; collection: string } {
  const [entity, project, collection, ...rest] = name.split('/');
  if (!entity || !project || !collection || rest.length > 0) {
    throw new InvalidInputError(
      `"${name}" is not a W&B registered model name; use "<entity>/<registry project>/<collection>".`,
      {
        backend: 'wandb',
        field: 'name',
        hint: 'searchModels (wandb_list_registry) lists valid names.',
      },
    );
  }
  return { entity, project, collection };
}

function toModelVersion(modelName: string, artifact: WandbArtifactDetail): ModelVersion {
  const version = artifact.version ?? artifact.name.split(':').at(-1) ?? '';
  // The ref names the registry collection the version was reached through, not the source
  // artifact's own collection (a linked version keeps its origin's name).
  const { entity, project, collection } = parseModelName(modelName);
  const modelVersion: ModelVersion = {
    ref: makeRef('wandb', 'model-version', `${collection}:${version}`, {
      scope: [entity, project],
    }),
    modelName,
    version,
    aliases: artifact.aliases,
  };
  if (artifact.createdAt) modelVersion.createdAt = artifact.createdAt;
  if (artifact.description) modelVersion.description = artifact.description;
  if (artifact.createdBy) modelVersion.runId = artifact.createdBy.id;
  if (artifact.state) modelVersion.status = artifact.state;
  return modelVersion;
}

/** The neutral Registry capability over W&B registry collections and artifact versions. */
export function createWandbRegistry(ctx: WandbContext): Registry {
  const version = async (
    name: string,
    selector: string,
    options?: { signal?: AbortSignal | undefined },
  ) => {
    const { entity, project, collection } = parseModelName(name);
    const artifact = await getArtifact(
      ctx,
      { entity, project, name: `${collection}:${selector}` },
      options,
    );
    return toModelVersion(name, artifact);
  };
  return {
    async searchModels(params, options) {
      const page = await listRegistry(
        ctx,
        { collection: params.filter, limit: params.limit, cursor: params.cursor },
        options,
      );
      const items: RegisteredModelSummary[] = page.items.map((collection) => {
        const summary: RegisteredModelSummary = {
          name: `${collection.entity ?? page.owner}/${collection.registry}/${collection.name}`,
        };
        if (collection.description) summary.description = collection.description;
        return summary;
      });
      return { items, nextCursor: page.nextCursor, totalCount: page.totalCount };
    },
    getModelVersion: (name, selector, options) => {
      const normalised = /^\d+$/.test(selector) ? `v${selector}` : selector;
      return version(name, normalised, options);
    },
    getModelVersionByAlias: (name, alias, options) => version(name, alias, options),
  };
}
