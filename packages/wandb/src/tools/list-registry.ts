import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { WandbRegistryCollectionSchema } from '../model/wandb-artifact.js';
import { cursorInput, entityInput, limitInput } from './common-inputs.js';
import { defineWandbTool } from './define.js';

/** wandb_list_registry: collections of the W&B Registry (linked artifact versions). */
export const listRegistryTool = defineWandbTool({
  name: 'wandb_list_registry',
  title: 'List W&B Registry collections',
  description:
    'List collections of the W&B Registry: curated collections that link artifact versions (models, datasets) with ' +
    'aliases such as "production". With `organization`: that organization\'s registries (projects ' +
    '"wandb-registry-<name>"); without: the linked collections of an entity (incl. the legacy model registry). ' +
    '`registry` narrows to one registry (e.g. "model"); `collection` to names containing the text. Each collection\'s ' +
    'versions: wandb_get_artifact with "<registry entity>/<registry>/<collection>:<alias>".',
  namespace: 'wandb',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    organization: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('Organization name (in wandb.ai/orgs/<organization>/registry).'),
    entity: entityInput,
    registry: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('Registry name, e.g. "model" or "dataset".'),
    collection: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Only collections whose name contains this.'),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WandbRegistryCollectionSchema).extend({
    owner: z.string().describe('The entity that owns the listed registries.'),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const { owner, ...page } = await client.listRegistry(input, { signal });
    return { ...fitPageToBudget(page, maxResponseTokens), owner };
  },
});
