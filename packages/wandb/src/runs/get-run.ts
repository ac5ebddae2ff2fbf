import { z } from 'zod';
import { CaveatsSchema } from '../shared/caveats.js';
import {
  entityInput,
  includeInternalInput,
  projectInput,
  runInput,
} from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbRunSchema } from './wandb-run.js';

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
