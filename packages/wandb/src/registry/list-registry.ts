import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { WandbRegistryCollectionSchema } from '../artifacts/wandb-artifact.js';
import { cursorInput, entityInput, limitInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';

/** wandb_list_registry: collections of the W&B Registry (linked artifact versions). */
export const listRegistryTool = defineWandbTool({
  name: 'wandb_list_registry',
  title: 'List W&B Registry collections',
  description:
    "List W&B Registry collections of an organization, or an entity's linked collections.",
  namespace: 'wandb',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    organization: z.string().min(1).max(128).optional(),
    entity: entityInput,
    registry: z.string().min(1).max(128).optional().describe('e.g. "model".'),
    collection: z.string().min(1).max(256).optional().describe('Name fragment.'),
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
