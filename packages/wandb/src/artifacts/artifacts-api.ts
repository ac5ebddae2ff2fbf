import type { CallOptions, Page } from '@mlops-mcp/core';
import { nodesPage, pageStart, pageVariables } from '../graphql/connection-page.js';
import { ArtifactVersionsDocument } from '../graphql/documents/artifact-versions.js';
import { GetArtifactDocument } from '../graphql/documents/get-artifact.js';
import { ProjectArtifactTypesDocument } from '../graphql/documents/project-artifact-types.js';
import {
  RunInputArtifactsDocument,
  RunOutputArtifactsDocument,
} from '../graphql/documents/run-artifacts.js';
import type { RunPath } from '../runs/run-path.js';
import type { WandbContext } from '../shared/context.js';
import { itemNotFound, projectNotFound, runNotFound } from '../shared/not-found.js';
import { isoFromWandb } from '../shared/wandb-time.js';
import { mapArtifact, mapLineageRun } from './map-artifact.js';
import type {
  LineageRun,
  WandbArtifact,
  WandbArtifactDetail,
  WandbArtifactType,
} from './wandb-artifact.js';

/** Most lineage runs shown for one artifact version. */
export const MAX_USED_BY = 50;

/** One page of the artifact versions a run logged (`logged`) or used (`used`). */
export async function listRunArtifacts(
  ctx: WandbContext,
  params: {
    run: RunPath;
    direction: 'logged' | 'used';
    limit: number;
    cursor?: string | undefined;
  },
  options?: CallOptions,
): Promise<Page<WandbArtifact>> {
  const { entity, project, runId } = params.run;
  const start = pageStart(params.cursor);
  const document =
    params.direction === 'logged' ? RunOutputArtifactsDocument : RunInputArtifactsDocument;
  const data = await ctx.graphql.execute(
    document,
    { entity, project, run: runId, ...pageVariables(start, params.limit) },
    options,
  );
  if (!data.project) throw projectNotFound(entity, project);
  if (!data.project.run) throw runNotFound(entity, project, runId);
  const where = { entity, project, appUrl: ctx.appUrl };
  return nodesPage(data.project.run.artifacts, start, (node) => mapArtifact(node, where));
}

/** A project's artifact types, each with up to `collectionsPerType` collections and their aliases. */
export async function listArtifactTypes(
  ctx: WandbContext,
  params: { entity: string; project: string; types: number; collectionsPerType: number },
  options?: CallOptions,
): Promise<{ types: WandbArtifactType[]; moreTypes: boolean }> {
  const data = await ctx.graphql.execute(
    ProjectArtifactTypesDocument,
    {
      entity: params.entity,
      project: params.project,
      types: params.types,
      collections: params.collectionsPerType,
    },
    options,
  );
  if (!data.project) throw projectNotFound(params.entity, params.project);
  const connection = data.project.artifactTypes;
  const types = (connection?.edges ?? []).flatMap((edge): WandbArtifactType[] => {
    const node = edge.node;
    if (!node) return [];
    const collections = (node.artifactCollections?.edges ?? []).flatMap((c) =>
      c.node
        ? [
            {
              name: c.node.name,
              type: node.name,
              ...(c.node.description ? { description: c.node.description } : {}),
              ...(isoFromWandb(c.node.createdAt)
                ? { createdAt: isoFromWandb(c.node.createdAt) }
                : {}),
              aliases: (c.node.aliases?.edges ?? []).flatMap((a) => (a.node ? [a.node.alias] : [])),
            },
          ]
        : [],
    );
    const type: WandbArtifactType = { name: node.name, collections };
    if (node.description) type.description = node.description;
    const total = node.artifactCollections?.totalCount;
    if (typeof total === 'number') type.collectionCount = total;
    if (node.artifactCollections?.pageInfo.hasNextPage) type.moreCollections = true;
    return [type];
  });
  return { types, moreTypes: connection?.pageInfo.hasNextPage ?? false };
}

/** One page of a collection's versions, newest first, with aliases. */
export async function listArtifactVersions(
  ctx: WandbContext,
  params: {
    entity: string;
    project: string;
    type: string;
    collection: string;
    limit: number;
    cursor?: string | undefined;
  },
  options?: CallOptions,
): Promise<Page<WandbArtifact>> {
  const start = pageStart(params.cursor);
  const data = await ctx.graphql.execute(
    ArtifactVersionsDocument,
    {
      entity: params.entity,
      project: params.project,
      type: params.type,
      collection: params.collection,
      ...pageVariables(start, params.limit),
    },
    options,
  );
  const where = `${params.entity}/${params.project}`;
  if (!data.project) throw projectNotFound(params.entity, params.project);
  if (!data.project.artifactType) {
    throw itemNotFound(
      'artifact type',
      params.type,
      where,
      'wandb_list_artifacts with only entity and project lists the types.',
    );
  }
  const collection = data.project.artifactType.artifactCollection;
  if (!collection) {
    throw itemNotFound(
      'artifact collection',
      params.collection,
      `${where} (type ${params.type})`,
      'wandb_list_artifacts with only entity and project lists collections per type.',
    );
  }
  const shape = { entity: params.entity, project: params.project, appUrl: ctx.appUrl };
  return nodesPage(collection.artifacts, start, (node) => mapArtifact(node, shape));
}

/** One artifact version by "name:alias" or "name:vN", with the runs that created and used it. */
export async function getArtifact(
  ctx: WandbContext,
  params: { entity: string; project: string; name: string },
  options?: CallOptions,
): Promise<WandbArtifactDetail> {
  const data = await ctx.graphql.execute(GetArtifactDocument, params, options);
  if (!data.project) throw projectNotFound(params.entity, params.project);
  const node = data.project.artifact;
  if (!node) {
    throw itemNotFound(
      'artifact',
      params.name,
      `${params.entity}/${params.project}`,
      'Use "<collection>:<alias>" or "<collection>:v<N>"; wandb_list_artifacts lists collections and versions.',
    );
  }
  const where = { entity: params.entity, project: params.project, appUrl: ctx.appUrl };
  const detail: WandbArtifactDetail = { ...mapArtifact(node, where), usedBy: { items: [] } };
  if (node.createdBy?.__typename === 'Run') {
    const creator = mapLineageRun(node.createdBy, where);
    if (creator) detail.createdBy = creator;
  }
  const usedBy = (node.usedBy?.edges ?? []).flatMap((edge): LineageRun[] => {
    const run = edge.node ? mapLineageRun(edge.node, where) : undefined;
    return run ? [run] : [];
  });
  detail.usedBy = { items: usedBy.slice(0, MAX_USED_BY) };
  const total = node.usedBy?.totalCount ?? usedBy.length;
  detail.usedBy.totalCount = total;
  if (total > MAX_USED_BY) detail.usedBy.truncated = true;
  return detail;
}
