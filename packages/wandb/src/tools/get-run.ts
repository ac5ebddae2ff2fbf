import { z } from 'zod';
import { CaveatsSchema } from '../model/caveats.js';
import { WandbRunSchema } from '../model/wandb-run.js';
import { entityInput, includeInternalInput, projectInput, runInput } from './common-inputs.js';
import { defineWandbTool } from './define.js';

/** wandb_get_run: one run in full. */
export const getRunTool = defineWandbTool({
  name: 'wandb_get_run',
  title: 'Get a W&B run',
  description: 'Get one W&B run: state, config, summary metrics, system metrics, tags, times, URL.',
  namespace: 'wandb',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    run: runInput,
    entity: entityInput,
    project: projectInput,
    includeInternal: includeInternalInput,
  }),
  outputSchema: WandbRunSchema.extend({ caveats: CaveatsSchema }),
  async handler(input, { client, signal }) {
    const path = await client.resolveRun(input.run, input, { signal });
    return client.getWandbRun(path, { signal, includeInternal: input.includeInternal });
  },
});
