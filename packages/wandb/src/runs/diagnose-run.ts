import { MlopsError } from '@mlops-mcp/core';
import { z } from 'zod';
import { CaveatsSchema, withCaveats } from '../shared/caveats.js';
import { entityInput, projectInput, runInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { diagnoseRun, LOSS_KEYS } from './run-diagnosis.js';
import { RunDiagnosisSchema } from './run-diagnosis-schema.js';

/** wandb_diagnose_run: health check of one run with signs of trouble. */
export const diagnoseRunTool = defineWandbTool({
  name: 'wandb_diagnose_run',
  title: 'Diagnose a W&B run',
  description:
    'Check a W&B run for crashes, stale heartbeat, NaN/Infinity, rising loss, GPU memory near capacity.',
  namespace: 'wandb',
  toolsets: ['runs', 'summaries'],
  access: 'read',
  inputSchema: z.object({
    run: runInput,
    entity: entityInput,
    project: projectInput,
    lossKey: z
      .string()
      .min(1)
      .max(250)
      .optional()
      .describe('Key to check for a rising loss; default the first loss-like summary key.'),
  }),
  outputSchema: RunDiagnosisSchema.extend({ caveats: CaveatsSchema }),
  async handler(input, { client, signal }) {
    const path = await client.resolveRun(input.run, input, { signal });
    const run = await client.getWandbRun(path, { signal, includeInternal: true });
    const lossKey = input.lossKey ?? LOSS_KEYS.find((key) => run.summary && key in run.summary);
    const [history, system] = await Promise.all([
      lossKey
        ? client.getMetricHistories(
            { run: path, keys: [lossKey], samples: 1000, maxPoints: 200 },
            { signal },
          )
        : undefined,
      // Older servers may lack the events stream; a diagnosis without GPU facts is still useful.
      client
        .getSystemMetrics({ run: path, samples: 200, maxPoints: 60, match: ['gpu'] }, { signal })
        .catch((error: unknown) => {
          if (MlopsError.isInstance(error) && error.kind === 'unsupported') return undefined;
          throw error;
        }),
    ]);
    return {
      ...diagnoseRun(run, { now: Date.now(), loss: history?.series[0], system }),
      ...withCaveats(run.caveats ?? []),
    };
  },
});
