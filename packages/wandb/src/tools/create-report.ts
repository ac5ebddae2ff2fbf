import { z } from 'zod';
import { WandbReportSchema } from '../model/wandb-report.js';
import { entityInput, projectInput } from './common-inputs.js';
import { defineWandbTool } from './define.js';

/** wandb_create_report: a new, empty report. Listed only when writes are enabled. */
export const createReportTool = defineWandbTool({
  name: 'wandb_create_report',
  title: 'Create a W&B report',
  description:
    'Create a new published W&B report in a project with a title and description (no panels yet; open the returned ' +
    'URL to add them). Each call creates another report.',
  namespace: 'wandb',
  toolsets: ['reports'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    title: z.string().min(1).max(128).describe('Report title.'),
    description: z
      .string()
      .max(2000)
      .optional()
      .describe('Short description shown under the title.'),
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
