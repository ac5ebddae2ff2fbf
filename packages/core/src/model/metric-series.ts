import { z } from 'zod';
import { EntityRefSchema } from './ref.js';

/**
 * A metric's history in columns (steps[i], values[i], timestamps[i] belong together): far
 * fewer tokens than a list of objects. `downsampled` says the points are a subset; `stats`
 * always describes the full series.
 */
export const MetricSeriesSchema = z.object({
  run: EntityRefSchema,
  key: z.string(),
  steps: z.array(z.number()),
  values: z.array(z.number()),
  timestamps: z.array(z.number()).optional().describe('Unix epoch milliseconds'),
  totalPoints: z.number(),
  downsampled: z.boolean(),
  stats: z
    .object({
      min: z.number(),
      max: z.number(),
      first: z.number(),
      last: z.number(),
      mean: z.number(),
    })
    .optional(),
});
export type MetricSeries = z.infer<typeof MetricSeriesSchema>;
