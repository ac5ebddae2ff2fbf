import { fitPageToBudget, InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { WandbArtifactSchema, WandbArtifactTypeSchema } from '../model/wandb-artifact.js';
import { cursorInput, entityInput, limitInput, projectInput } from './common-inputs.js';
import { defineWandbTool } from './define.js';

/** wandb_list_artifacts: artifacts of a run, or a project's types → collections → versions. */
export const listArtifactsTool = defineWandbTool({
  name: 'wandb_list_artifacts',
  title: 'List W&B artifacts',
  description:
    'List W&B artifacts at one of three levels. With `run`: the artifact versions the run logged and/or used. With ' +
    'only entity/project: the artifact types with their collections and aliases. With `type` and `collection`: the ' +
    'versions of that collection (newest first) with aliases, size and metadata. Version names ("<collection>:v<N>") ' +
    'go into wandb_get_artifact for lineage.',
  namespace: 'wandb',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    run: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('A run ("<entity>/<project>/<runId>", URL, ref URI or id): list its artifacts.'),
    direction: z
      .enum(['logged', 'used', 'both'])
      .default('both')
      .describe('With `run`: artifacts it logged (outputs), used (inputs), or both.'),
    type: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('Artifact type, e.g. "model" or "dataset" (with `collection`).'),
    collection: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Collection name: list its versions.'),
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
