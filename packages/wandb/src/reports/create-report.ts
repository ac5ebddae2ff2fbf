import { z } from 'zod';
import { entityInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbReportSchema } from './wandb-report.js';

/** wandb_create_report: a new, empty report. Listed only when writes are enabled. */
export const createReportTool = defineWandbTool({
  name: 'wandb_create_report',
  title: 'Create a W&B report',
  description:
    'Create a published W&B report with a title and description (no panels); each call makes a new one.',
  namespace: 'wandb',
  toolsets: ['reports'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    title: z.string().min(1).max(128),
    description: z.string().max(2000).optional(),
  }),
  outputSchema: WandbReportSchema.extend({ inserted: z.boolean() }),
  async handler(input, { client, signal }) {
    const { entity, project } = await client.resolveProject(input, { signal });
    const { report, inserted } = await client.createReport(
      { entity, project, title: input.title, description: input.description },
      { signal },
    );
    return { ...report, inserted };
  },
});
