import type { CallOptions, Page } from '@mlops-mcp/core';
import { nodesPage, pageStart, pageVariables } from '../graphql/connection-page.js';
import { RunFilesDocument } from '../graphql/documents/run-files.js';
import type { WandbContext } from '../shared/context.js';
import { projectNotFound, runNotFound } from '../shared/not-found.js';
import { mapFile } from './map-file.js';
import type { RunPath } from './run-path.js';
import type { WandbFile } from './wandb-file.js';

/** One page of a run's files, optionally matching a SQL LIKE pattern (e.g. "%.json"). */
export async function listRunFiles(
  ctx: WandbContext,
  params: {
    run: RunPath;
    pattern?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
  options?: CallOptions,
): Promise<Page<WandbFile>> {
  const { entity, project, runId } = params.run;
  const start = pageStart(params.cursor);
  const data = await ctx.graphql.execute(
    RunFilesDocument,
    {
      entity,
      project,
      run: runId,
      ...pageVariables(start, params.limit),
      pattern: params.pattern,
    },
    options,
  );
  if (!data.project) throw projectNotFound(entity, project);
  if (!data.project.run) throw runNotFound(entity, project, runId);
  return nodesPage(data.project.run.files, start, mapFile);
}
