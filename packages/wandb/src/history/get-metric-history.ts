import { estimateTokens, shrinkSeries, toCompactJson } from '@mlops-mcp/core';
import { z } from 'zod';
import { entityInput, projectInput, runInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbMetricSeriesSchema } from './wandb-metric-series.js';

/** wandb_get_metric_history: sampled history of chosen keys of one run. */
export const getMetricHistoryTool = defineWandbTool({
  name: 'wandb_get_metric_history',
  title: 'Get W&B metric history',
  description: 'History of W&B run keys as steps[]/values[] with stats, downsampled to maxPoints.',
  namespace: 'wandb',
  toolsets: ['metrics'],
  access: 'read',
  inputSchema: z.object({
    run: runInput,
    entity: entityInput,
    project: projectInput,
    keys: z
      .array(z.string().min(1).max(250))
      .min(1)
      .max(10)
      .describe('History keys, e.g. ["loss", "eval/accuracy"].'),
    samples: z.number().int().min(10).max(10_000).default(1000).describe('Rows sampled per key.'),
    maxPoints: z.number().int().min(4).max(2000).default(200),
    includeTimestamps: z.boolean().default(false),
  }),
  outputSchema: z.object({
    series: z.array(WandbMetricSeriesSchema),
    historyLineCount: z.number().optional().describe('History rows the run has.'),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const run = await client.resolveRun(input.run, input, { signal });
    const result = await client.getMetricHistories({ ...input, run }, { signal });
    // Several long series can still exceed the budget: halve the points until they fit.
    let maxPoints = input.maxPoints;
    let fitted = result;
    while (estimateTokens(toCompactJson(fitted)) > maxResponseTokens && maxPoints > 8) {
      maxPoints = Math.max(8, Math.floor(maxPoints / 2));
      fitted = {
        ...result,
        series: result.series.map((series) => shrinkSeries(series, maxPoints)),
      };
    }
    return fitted;
  },
});
