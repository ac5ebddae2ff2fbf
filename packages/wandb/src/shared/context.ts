import type { CallOptions } from '@mlops-mcp/core';
import type { WandbGraphqlClient } from '../graphql/graphql-client.js';
import { parseRunPath, type RunPath, requireProject } from '../runs/run-path.js';

/** The request context every W&B area function takes (never the adapter itself). */
export interface WandbContext {
  graphql: WandbGraphqlClient;
  /** The W&B web app URL, for links. */
  appUrl: string;
  /** WANDB_ENTITY, else the viewer's default entity (asked once). */
  defaultEntity(options?: CallOptions): Promise<string>;
  /** WANDB_PROJECT, when set. */
  defaultProject: string | undefined;
}

/** An entity and a project, from the inputs or the defaults. */
export interface ProjectScope {
  entity?: string | undefined;
  project?: string | undefined;
}

/** The entity to use: the given one, else the default. */
export async function resolveEntity(
  ctx: WandbContext,
  entity: string | undefined,
  options?: CallOptions,
): Promise<string> {
  return entity?.trim() || ctx.defaultEntity(options);
}

/** Entity and project to use, or an InvalidInputError naming the missing one. */
export async function resolveProject(
  ctx: WandbContext,
  scope: ProjectScope,
  options?: CallOptions,
): Promise<{ entity: string; project: string }> {
  const project = requireProject({ project: scope.project?.trim() || ctx.defaultProject });
  return { entity: await resolveEntity(ctx, scope.entity, options), project };
}

/** A run path from any run reference, defaults filled in only when the reference lacks them. */
export async function resolveRun(
  ctx: WandbContext,
  run: string,
  scope: ProjectScope,
  options?: CallOptions,
): Promise<RunPath> {
  const project = scope.project?.trim() || ctx.defaultProject;
  const parts = run
    .trim()
    .replace(/^https?:\/\/[^/]+/i, '')
    .split('/')
    .filter(Boolean).length;
  const needsEntity = !/^wandb:\/\//.test(run.trim()) && parts < 3;
  const entity = needsEntity ? await resolveEntity(ctx, scope.entity, options) : scope.entity;
  return parseRunPath(run, { entity, project });
}
