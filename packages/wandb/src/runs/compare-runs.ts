import { z } from 'zod';
import { CaveatsSchema, withCaveats } from '../shared/caveats.js';
import { entityInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { compareRuns } from './run-comparison.js';
import { RunComparisonSchema } from './run-comparison-schema.js';

/** wandb_compare_runs: config differences and summary metrics of 2-10 runs side by side. */
export const compareRunsTool = defineWandbTool({
  name: 'wandb_compare_runs',
  title: 'Compare W&B runs',
  description:
    'Compare 2-10 W&B runs, also across projects: config keys that differ and summary metrics side by side.',
  namespace: 'wandb',
  toolsets: ['runs', 'summaries'],
  access: 'read',
  inputSchema: z.object({
    runs: z
      .array(z.string().min(1).max(500))
      .min(2)
      .max(10)
      .describe('Run paths, URLs, ref.uris or ids.'),
    entity: entityInput,
    project: projectInput,
    metrics: z
      .array(z.string().min(1).max(250))
      .max(50)
      .optional()
      .describe('Default: all numeric keys (up to 40).'),
  }),
  outputSchema: RunComparisonSchema.extend({ caveats: CaveatsSchema }),
  async handler(input, { client, signal }) {
    const paths = await Promise.all(
      input.runs.map((run) => client.resolveRun(run, input, { signal })),
    );
    const runs = await Promise.all(paths.map((path) => client.getWandbRun(path, { signal })));
    return {
      ...compareRuns(runs, input.metrics),
      ...withCaveats(runs.flatMap((run) => run.caveats ?? [])),
    };
  },
});
