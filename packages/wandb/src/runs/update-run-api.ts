import type { CallOptions } from '@mlops-mcp/core';
import { RunIdentityDocument } from '../graphql/documents/run-identity.js';
import { UpdateRunDocument } from '../graphql/documents/update-run.js';
import type { WandbContext } from '../shared/context.js';
import { projectNotFound, runNotFound } from '../shared/not-found.js';
import type { RunPath } from './run-path.js';

/** What to change on a run. */
export interface RunUpdate {
  addTags?: readonly string[] | undefined;
  removeTags?: readonly string[] | undefined;
  /** Replaces the run's notes; "" clears them. */
  notes?: string | undefined;
}

/**
 * Adds/removes tags and sets notes through `upsertBucket`, as the SDK's `Run.update()` does:
 * W&B stores the whole tag list, so the current tags are read first and the new list written.
 * Only the fields being changed are sent.
 */
export async function updateRun(
  ctx: WandbContext,
  path: RunPath,
  update: RunUpdate,
  options?: CallOptions,
): Promise<{ tags: string[]; notes?: string | undefined }> {
  const current = await ctx.graphql.execute(
    RunIdentityDocument,
    { entity: path.entity, project: path.project, run: path.runId },
    options,
  );
  if (!current.project) throw projectNotFound(path.entity, path.project);
  const run = current.project.run;
  if (!run) throw runNotFound(path.entity, path.project, path.runId);
  const input: Record<string, unknown> = { id: run.id };
  const oldTags = run.tags ?? [];
  let tags = oldTags;
  if (update.addTags?.length || update.removeTags?.length) {
    const remove = new Set(update.removeTags ?? []);
    tags = [...new Set([...oldTags, ...(update.addTags ?? [])])].filter((tag) => !remove.has(tag));
    input.tags = tags;
  }
  if (update.notes !== undefined) input.notes = update.notes;
  const data = await ctx.graphql.execute(UpdateRunDocument, { input }, options);
  const bucket = data.upsertBucket?.bucket;
  return {
    tags: bucket?.tags ?? tags,
    notes: bucket?.notes ?? update.notes ?? run.notes ?? undefined,
  };
}
