import { estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { z } from 'zod';
import { entityInput, projectInput, runInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { SystemMetricsSchema } from './system-metrics.js';

/** wandb_get_system_metrics: GPU/CPU/memory/disk/network samples of one run. */
export const getSystemMetricsTool = defineWandbTool({
  name: 'wandb_get_system_metrics',
  title: 'Get W&B system metrics',
  description:
    'System metrics of a W&B run (GPU, CPU, memory, disk, network) as series with stats.',
  namespace: 'wandb',
  toolsets: ['metrics'],
  access: 'read',
  inputSchema: z.object({
    run: runInput,
    entity: entityInput,
    project: projectInput,
    match: z
      .array(z.string().min(1).max(100))
      .max(20)
      .optional()
      .describe('Key words, e.g. ["gpu"]; default all keys.'),
    samples: z.number().int().min(10).max(2000).default(500),
    maxPoints: z.number().int().min(4).max(500).default(60),
  }),
  outputSchema: SystemMetricsSchema,
  async handler(input, { client, signal, maxResponseTokens }) {
    const run = await client.resolveRun(input.run, input, { signal });
    const result = await client.getSystemMetrics({ ...input, run }, { signal });
    const omitted: string[] = [];
    while (estimateTokens(toCompactJson(result)) > maxResponseTokens && result.series.length > 1) {
      omitted.push(result.series.pop()!.key);
    }
    if (omitted.length > 0) {
      result.truncated = true;
      result.omittedKeys = omitted.reverse();
    }
    return result;
  },
});
