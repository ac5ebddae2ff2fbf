import { z } from 'zod';
import { CaveatsSchema } from '../shared/caveats.js';
import { entityInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbProjectSchema } from './wandb-project.js';

/** wandb_get_project: one project with its run count. */
export const getProjectTool = defineWandbTool({
  name: 'wandb_get_project',
  title: 'Get a W&B project',
  description: 'Get one W&B project: description, times, run count.',
  namespace: 'wandb',
  toolsets: ['experiments'],
  access: 'read',
  inputSchema: z.object({ entity: entityInput, project: projectInput }),
  outputSchema: WandbProjectSchema.extend({ caveats: CaveatsSchema }),
  async handler(input, { client, signal }) {
    return client.getProject(input, { signal });
  },
});
