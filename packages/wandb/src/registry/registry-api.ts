import type { CallOptions, Page } from '@mlops-mcp/core';
import type { WandbRegistryCollection } from '../artifacts/wandb-artifact.js';
import { connectionPage, pageStart, pageVariables } from '../graphql/connection-page.js';
import {
  OrgRegistryCollectionsDocument,
  type RegistryCollectionConnection,
  RegistryCollectionsDocument,
} from '../graphql/documents/registry-collections.js';
import { resolveEntity, type WandbContext } from '../shared/context.js';
import { entityNotFound, itemNotFound } from '../shared/not-found.js';
import { isoFromWandb } from '../shared/wandb-time.js';

/** W&B Registry projects are named `wandb-registry-<registry>` in the organization's entity. */
export const REGISTRY_PROJECT_PREFIX = 'wandb-registry-';

/** Parameters of a registry listing. */
export interface ListRegistryParams {
  /** Organization whose W&B Registry to list (through its org entity), as the SDK does. */
  organization?: string | undefined;
  /** Entity to list portfolios of when no organization is given (legacy model registry). */
  entity?: string | undefined;
  /** One registry, e.g. "model" for `wandb-registry-model`. */
  registry?: string | undefined;
  /** Collections whose name contains this text. */
  collection?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Registry collections: portfolios of linked artifact versions. With an organization, its
 * W&B Registry (projects `wandb-registry-*` of the org entity); else the portfolios of an
 * entity, which include the legacy model registry.
 */
export async function listRegistry(
  ctx: WandbContext,
  params: ListRegistryParams,
  options?: CallOptions,
): Promise<Page<WandbRegistryCollection> & { owner: string }> {
  const start = pageStart(params.cursor);
  const projectFilters = params.registry
    ? JSON.stringify({
        name: `${REGISTRY_PROJECT_PREFIX}${params.registry.replace(REGISTRY_PROJECT_PREFIX, '')}`,
      })
    : params.organization
      ? JSON.stringify({ name: { $regex: `^${REGISTRY_PROJECT_PREFIX}` } })
      : undefined;
  const filters = params.collection
    ? JSON.stringify({ name: { $regex: escapeRegex(params.collection) } })
    : undefined;
  const page = { projectFilters, filters, ...pageVariables(start, params.limit) };
  let owner: string;
  let connection: RegistryCollectionConnection | null | undefined;
  if (params.organization) {
    const data = await ctx.graphql.execute(
      OrgRegistryCollectionsDocument,
      { organization: params.organization, ...page },
      options,
    );
    if (!data.organization) {
      throw itemNotFound(
        'organization',
        params.organization,
        'this W&B server',
        "The organization name is in the registry URL (wandb.ai/orgs/<organization>/registry); or omit it to list an entity's portfolios.",
      );
    }
    owner = data.organization.orgEntity?.name ?? params.organization;
    connection = data.organization.orgEntity?.artifactCollections;
  } else {
    const entity = await resolveEntity(ctx, params.entity, options);
    const data = await ctx.graphql.execute(
      RegistryCollectionsDocument,
      { entity, ...page },
      options,
    );
    if (!data.entity) throw entityNotFound(entity);
    owner = data.entity.name;
    connection = data.entity.artifactCollections;
  }
  const items = (connection?.edges ?? []).flatMap((edge): WandbRegistryCollection[] => {
    const node = edge.node;
    if (!node) return [];
    const item: WandbRegistryCollection = {
      id: node.id,
      name: node.name,
      registry: node.project?.name ?? 'unknown',
      aliases: (node.aliases?.edges ?? []).flatMap((a) => (a.node ? [a.node.alias] : [])),
    };
    const entity = node.project?.entityName;
    if (entity) item.entity = entity;
    if (node.defaultArtifactType?.name) item.type = node.defaultArtifactType.name;
    if (node.description) item.description = node.description;
    const createdAt = isoFromWandb(node.createdAt);
    if (createdAt) item.createdAt = createdAt;
    if (typeof node.artifacts?.totalCount === 'number')
      item.versionCount = node.artifacts.totalCount;
    return [item];
  });
  return { ...connectionPage(items, connection?.pageInfo, start, connection?.totalCount), owner };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
