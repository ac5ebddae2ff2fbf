import type { CallOptions, Page } from '@mlops-mcp/core';
import { nodesPage, pageStart, pageVariables } from '../graphql/connection-page.js';
import { GetRunDocument } from '../graphql/documents/get-run.js';
import { SearchRunsDocument } from '../graphql/documents/search-runs.js';
import { omittedFieldsCaveat } from '../graphql/graphql-client.js';
import { withCaveats } from '../shared/caveats.js';
import { type ProjectScope, resolveProject, type WandbContext } from '../shared/context.js';
import { projectNotFound, runNotFound } from '../shared/not-found.js';
import { mapRun } from './map-run.js';
import { validateRunFilters } from './run-filters.js';
import { normalizeRunOrder } from './run-order.js';
import type { RunPath } from './run-path.js';
import type { WandbRun } from './wandb-run.js';

/** Parameters of a W&B run search. */
export interface SearchRunsParams extends ProjectScope {
  /** W&B's Mongo-style filter as JSON text, checked before it is sent. */
  filters?: string | undefined;
  /** e.g. "-summary_metrics.acc" or "+created_at". */
  order?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  includeInternal?: boolean | undefined;
}

/** One page of a project's runs, filtered and ordered by W&B, with the total match count. */
export async function searchRuns(
  ctx: WandbContext,
  params: SearchRunsParams,
  options?: CallOptions,
): Promise<Page<WandbRun> & { entity: string; project: string; caveats?: string[] }> {
  const filters = params.filters?.trim() ? validateRunFilters(params.filters) : undefined;
  const order = params.order?.trim() ? normalizeRunOrder(params.order) : undefined;
  const { entity, project } = await resolveProject(ctx, params, options);
  const start = pageStart(params.cursor);
  const { data, omitted } = await ctx.graphql.executeReporting(
    SearchRunsDocument,
    { entity, project, filters, order, ...pageVariables(start, params.limit) },
    options,
  );
  if (!data.project) throw projectNotFound(entity, project);
  const shape = {
    entity,
    project,
    appUrl: ctx.appUrl,
    includeInternal: params.includeInternal ?? false,
  };
  return {
    ...nodesPage(data.project.runs, start, (node) => mapRun(node, shape)),
    entity,
    project,
    ...withCaveats([omittedFieldsCaveat(omitted)]),
  };
}

/** One run in full: config, summary and latest system metrics. */
export async function getRun(
  ctx: WandbContext,
  path: RunPath,
  options?: CallOptions & { includeInternal?: boolean | undefined },
): Promise<WandbRun & { caveats?: string[] }> {
  const { data, omitted } = await ctx.graphql.executeReporting(
    GetRunDocument,
    { entity: path.entity, project: path.project, run: path.runId },
    options,
  );
  if (!data.project) throw projectNotFound(path.entity, path.project);
  if (!data.project.run) throw runNotFound(path.entity, path.project, path.runId);
  const run = mapRun(data.project.run, {
    entity: path.entity,
    project: path.project,
    appUrl: ctx.appUrl,
    includeInternal: options?.includeInternal ?? false,
  });
  return { ...run, ...withCaveats([omittedFieldsCaveat(omitted)]) };
}
