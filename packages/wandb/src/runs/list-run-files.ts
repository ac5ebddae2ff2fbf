import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import {
  cursorInput,
  entityInput,
  limitInput,
  projectInput,
  runInput,
} from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbFileSchema } from './wandb-file.js';

/** wandb_list_run_files: the files a run saved. */
export const listRunFilesTool = defineWandbTool({
  name: 'wandb_list_run_files',
  title: 'List W&B run files',
  description: 'List the files a W&B run saved, with size and download URL (needs the API key).',
  namespace: 'wandb',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    run: runInput,
    entity: entityInput,
    project: projectInput,
    pattern: z.string().min(1).max(200).optional().describe('SQL LIKE, e.g. "%.log".'),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WandbFileSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const run = await client.resolveRun(input.run, input, { signal });
    const page = await client.listRunFiles({ ...input, run }, { signal });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
