import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { projectPageInput } from '../shared/common-inputs.js';
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
  inputSchema: projectPageInput,
  outputSchema: pageSchema(WandbSweepSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const scope = await client.resolveProject(input, { signal });
    const page = await client.listSweeps({ ...input, ...scope }, { signal });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
