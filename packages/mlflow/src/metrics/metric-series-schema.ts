import { MetricSeriesSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/**
 * The neutral MetricSeries plus what MLflow histories can add: NaN/Infinity points (JSON cannot
 * carry them in a number column, so they are counted instead) and a history too long to read.
 */
export const MlflowMetricSeriesSchema = MetricSeriesSchema.extend({
  nonFinite: z
    .object({
      count: z.number().describe('Points whose value was NaN, Infinity or -Infinity.'),
      firstStep: z.number().describe('Step of the first such point.'),
    })
    .optional()
    .describe('Points left out of the columns and stats because their value is not finite.'),
  historyCapped: z
    .boolean()
    .optional()
    .describe(
      'True when the history has more points than the server read limit; stats cover the points read.',
    ),
});
export type MlflowMetricSeries = z.infer<typeof MlflowMetricSeriesSchema>;
