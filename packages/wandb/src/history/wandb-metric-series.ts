import { MetricSeriesSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** One key's history as columns, with W&B's sampling made visible. */
export const WandbMetricSeriesSchema = MetricSeriesSchema.extend({
  nonFinite: z
    .object({ count: z.number(), firstStep: z.number() })
    .optional()
    .describe('NaN/Infinity points, left out of steps/values/stats.'),
  serverSampled: z
    .boolean()
    .describe(
      'W&B returned a sample of the rows (more rows exist than `samples`); stats cover the sample.',
    ),
});
export type WandbMetricSeries = z.infer<typeof WandbMetricSeriesSchema>;
