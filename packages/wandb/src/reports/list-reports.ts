import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { projectPageInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbReportSchema } from './wandb-report.js';

/** wandb_list_reports: a project's published reports. */
export const listReportsTool = defineWandbTool({
  name: 'wandb_list_reports',
  title: 'List W&B reports',
  description: 'List the published reports of a W&B project (no drafts).',
  namespace: 'wandb',
  toolsets: ['reports'],
  access: 'read',
  inputSchema: projectPageInput,
  outputSchema: pageSchema(WandbReportSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const scope = await client.resolveProject(input, { signal });
    const page = await client.listReports({ ...input, ...scope }, { signal });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
