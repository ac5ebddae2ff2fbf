import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, entityInput, limitInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbSweepSchema } from './wandb-sweep.js';

/** wandb_list_sweeps: a project's hyperparameter sweeps. */
export const listSweepsTool = defineWandbTool({
  name: 'wandb_list_sweeps',
  title: 'List W&B sweeps',
  description: 'List the sweeps of a W&B project: state, method, run count, best loss.',
  namespace: 'wandb',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    limit: limitInput(25, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WandbSweepSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const { entity, project } = await client.resolveProject(input, { signal });
    const page = await client.listSweeps(
      { entity, project, limit: input.limit, cursor: input.cursor },
      { signal },
    );
    return fitPageToBudget(page, maxResponseTokens);
  },
});
