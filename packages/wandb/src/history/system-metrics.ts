import { EntityRefSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** One system metric (e.g. `system.gpu.0.memoryAllocated`) over the run's lifetime. */
export const SystemMetricSeriesSchema = z.object({
  key: z.string(),
  runtimeSeconds: z.array(z.number()).describe('Seconds since the run started, per point.'),
  values: z.array(z.number()),
  stats: z.object({ min: z.number(), max: z.number(), mean: z.number(), last: z.number() }),
  downsampled: z.boolean(),
});
export type SystemMetricSeries = z.infer<typeof SystemMetricSeriesSchema>;

/** A run's system metrics (GPU, CPU, memory, disk, network) as columnar series. */
export const SystemMetricsSchema = z.object({
  run: EntityRefSchema,
  samples: z.number().describe('Samples W&B returned.'),
  totalSamples: z.number().optional().describe('Samples the run recorded.'),
  series: z.array(SystemMetricSeriesSchema),
  truncated: z.boolean().optional().describe('Some keys were dropped to fit the response budget.'),
  omittedKeys: z.array(z.string()).optional(),
});
export type SystemMetrics = z.infer<typeof SystemMetricsSchema>;
