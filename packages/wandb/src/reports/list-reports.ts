import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, entityInput, limitInput, projectInput } from '../shared/common-inputs.js';
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
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    limit: limitInput(25, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WandbReportSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const { entity, project } = await client.resolveProject(input, { signal });
    const page = await client.listReports(
      { entity, project, limit: input.limit, cursor: input.cursor },
      { signal },
    );
    return fitPageToBudget(page, maxResponseTokens);
  },
});
