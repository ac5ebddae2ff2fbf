import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { CaveatsSchema } from '../shared/caveats.js';
import { cursorInput, entityInput, limitInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbProjectSchema } from './wandb-project.js';

/** wandb_list_projects: the projects of an entity. */
export const listProjectsTool = defineWandbTool({
  name: 'wandb_list_projects',
  title: 'List W&B projects',
  description: 'List the projects of a W&B entity.',
  namespace: 'wandb',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WandbProjectSchema).extend({
    entity: z.string(),
    caveats: CaveatsSchema,
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const { entity, ...page } = await client.listProjects(input, { signal });
    return { ...fitPageToBudget(page, maxResponseTokens), entity };
  },
});
