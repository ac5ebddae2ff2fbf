import { fitPageToBudget, InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, entityInput, limitInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbArtifactSchema, WandbArtifactTypeSchema } from './wandb-artifact.js';

/** wandb_list_artifacts: artifacts of a run, or a project's types → collections → versions. */
export const listArtifactsTool = defineWandbTool({
  name: 'wandb_list_artifacts',
  title: 'List W&B artifacts',
  description:
    "List W&B artifacts of a run, a project's types and collections, or one collection's versions.",
  namespace: 'wandb',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    run: z.string().min(1).max(500).optional(),
    direction: z.enum(['logged', 'used', 'both']).default('both'),
    type: z.string().min(1).max(128).optional(),
    collection: z.string().min(1).max(256).optional(),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: z.object({
    level: z.enum(['run', 'types', 'versions']),
    artifacts: z
      .array(WandbArtifactSchema.extend({ direction: z.enum(['logged', 'used']).optional() }))
      .optional(),
    types: z.array(WandbArtifactTypeSchema).optional(),
    moreTypes: z.boolean().optional(),
    totalCount: z.number().optional(),
    nextCursor: z.string().optional().describe('Pass back as `cursor` to get the next page.'),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    if (input.run) {
      const run = await client.resolveRun(input.run, input, { signal });
      if (input.direction === 'both' && input.cursor) {
        throw new InvalidInputError(
          'Paging needs one direction; pass direction "logged" or "used" with the cursor.',
          {
            backend: 'wandb',
            field: 'direction',
          },
        );
      }
      const directions =
        input.direction === 'both' ? (['logged', 'used'] as const) : [input.direction];
      const pages = await Promise.all(
        directions.map(async (direction) => {
          const page = await client.listRunArtifacts(
            { run, direction, limit: input.limit, cursor: input.cursor },
            { signal },
          );
          return { ...page, items: page.items.map((artifact) => ({ ...artifact, direction })) };
        }),
      );
      const merged = {
        items: pages.flatMap((page) => page.items),
        nextCursor: pages.length === 1 ? pages[0]!.nextCursor : undefined,
        resumeAt: pages.length === 1 ? pages[0]!.resumeAt : undefined,
      };
      const fitted = fitPageToBudget(merged, maxResponseTokens);
      return {
        level: 'run' as const,
        artifacts: fitted.items,
        nextCursor: fitted.nextCursor,
        truncated: fitted.truncated,
      };
    }
    const { entity, project } = await client.resolveProject(input, { signal });
    if (input.collection) {
      if (!input.type) {
        throw new InvalidInputError(
          'Listing versions needs the collection\'s `type` too (e.g. "model").',
          {
            backend: 'wandb',
            field: 'type',
            hint: "Call wandb_list_artifacts with only entity/project to see each collection's type.",
          },
        );
      }
      const page = await client.listArtifactVersions(
        {
          entity,
          project,
          type: input.type,
          collection: input.collection,
          limit: input.limit,
          cursor: input.cursor,
        },
        { signal },
      );
      const fitted = fitPageToBudget(page, maxResponseTokens);
      return {
        level: 'versions' as const,
        artifacts: fitted.items,
        totalCount: fitted.totalCount,
        nextCursor: fitted.nextCursor,
        truncated: fitted.truncated,
      };
    }
    const { types, moreTypes } = await client.listArtifactTypes(
      { entity, project, types: 50, collectionsPerType: Math.min(input.limit, 100) },
      { signal },
    );
    return { level: 'types' as const, types, ...(moreTypes ? { moreTypes } : {}) };
  },
});
