import type { CallOptions, Page } from '@mlops-mcp/core';
import { nodesPage } from '../graphql/connection-page.js';
import { GetSweepDocument } from '../graphql/documents/get-sweep.js';
import { ListSweepsDocument } from '../graphql/documents/list-sweeps.js';
import type { WandbContext } from '../shared/context.js';
import { itemNotFound, projectNotFound } from '../shared/not-found.js';
import { fetchProjectPage, type ProjectPageParams } from '../shared/project-page.js';
import { mapSweep, sweepMetric } from './map-sweep.js';
import type { WandbSweep } from './wandb-sweep.js';

/** One page of a project's sweeps. */
export async function listSweeps(
  ctx: WandbContext,
  params: ProjectPageParams,
  options?: CallOptions,
): Promise<Page<WandbSweep>> {
  const { project, start } = await fetchProjectPage(ctx, ListSweepsDocument, params, options);
  const where = { ...params, appUrl: ctx.appUrl };
  return nodesPage(project.sweeps, start, (node) => mapSweep(node, where), project.totalSweeps);
}

/** One sweep, with its YAML config text and the metric it optimises. */
export async function getSweep(
  ctx: WandbContext,
  params: { entity: string; project: string; sweep: string },
  options?: CallOptions,
): Promise<{
  sweep: WandbSweep;
  configYaml?: string | undefined;
  metric?: { name: string; goal: 'minimize' | 'maximize' } | undefined;
}> {
  const data = await ctx.graphql.execute(GetSweepDocument, params, options);
  if (!data.project) throw projectNotFound(params.entity, params.project);
  const node = data.project.sweep;
  if (!node) {
    throw itemNotFound(
      'sweep',
      params.sweep,
      `${params.entity}/${params.project}`,
      'Sweep ids are the short name in the sweep URL; wandb_list_sweeps lists them.',
    );
  }
  return {
    sweep: mapSweep(node, { ...params, appUrl: ctx.appUrl }),
    configYaml: node.config ?? undefined,
    metric: sweepMetric(node.config),
  };
}
