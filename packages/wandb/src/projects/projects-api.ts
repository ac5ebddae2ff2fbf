import type { CallOptions, Page } from '@mlops-mcp/core';
import { nodesPage, pageStart, pageVariables } from '../graphql/connection-page.js';
import { GetProjectDocument } from '../graphql/documents/get-project.js';
import { ListProjectsDocument } from '../graphql/documents/list-projects.js';
import { omittedFieldsCaveat } from '../graphql/graphql-client.js';
import { withCaveats } from '../shared/caveats.js';
import {
  type ProjectScope,
  resolveEntity,
  resolveProject,
  type WandbContext,
} from '../shared/context.js';
import { entityNotFound, projectNotFound } from '../shared/not-found.js';
import { mapProject } from './map-project.js';
import type { WandbProject } from './wandb-project.js';

/** One page of an entity's projects. */
export async function listProjects(
  ctx: WandbContext,
  params: { entity?: string | undefined; limit: number; cursor?: string | undefined },
  options?: CallOptions,
): Promise<Page<WandbProject> & { entity: string; caveats?: string[] }> {
  const entity = await resolveEntity(ctx, params.entity, options);
  const start = pageStart(params.cursor);
  const { data, omitted } = await ctx.graphql.executeReporting(
    ListProjectsDocument,
    { entity, ...pageVariables(start, params.limit) },
    options,
  );
  if (!data.entity) throw entityNotFound(entity);
  const page = nodesPage(data.entity.projects, start, (node) =>
    mapProject(node, entity, ctx.appUrl),
  );
  return {
    ...page,
    entity,
    ...withCaveats([omittedFieldsCaveat(omitted)]),
  };
}

/** One project with its run count. */
export async function getProject(
  ctx: WandbContext,
  scope: ProjectScope,
  options?: CallOptions,
): Promise<WandbProject & { caveats?: string[] }> {
  const { entity, project } = await resolveProject(ctx, scope, options);
  const { data, omitted } = await ctx.graphql.executeReporting(
    GetProjectDocument,
    { entity, project },
    options,
  );
  if (!data.project) throw projectNotFound(entity, project);
  return {
    ...mapProject(data.project, entity, ctx.appUrl),
    ...withCaveats([omittedFieldsCaveat(omitted)]),
  };
}
