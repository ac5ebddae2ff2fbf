import type { CallOptions } from '@mlops-mcp/core';
import { type PageStart, pageStart, pageVariables } from '../graphql/connection-page.js';
import type { GraphqlDocument } from '../graphql/graphql-document.js';
import type { WandbContext } from './context.js';
import { projectNotFound } from './not-found.js';

/** A page of something listed under a project: where, how many, and our cursor. */
export interface ProjectPageParams {
  entity: string;
  project: string;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Runs a paged document that selects `project(name, entityName)` with `$entity`, `$project`,
 * `$first` and `$after`; a missing project is not_found. Returns the project and where the
 * page starts, for nodesPage.
 */
export async function fetchProjectPage<Project>(
  ctx: WandbContext,
  document: GraphqlDocument<{ project: Project | null }>,
  params: ProjectPageParams,
  options?: CallOptions,
): Promise<{ project: Project; start: PageStart }> {
  const start = pageStart(params.cursor);
  const variables = { entity: params.entity, project: params.project };
  const data = await ctx.graphql.execute(
    document,
    { ...variables, ...pageVariables(start, params.limit) },
    options,
  );
  if (!data.project) throw projectNotFound(params.entity, params.project);
  return { project: data.project, start };
}
