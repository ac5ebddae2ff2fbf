import { z } from 'zod';

/** One run's curve: `values[i]` was logged at `steps[i]`. */
export const MetricChartSeriesSchema = z
  .object({
    label: z.string().describe('Legend text, e.g. the run name'),
    steps: z.array(z.number()),
    values: z.array(z.number()),
  })
  .refine((series) => series.steps.length === series.values.length, {
    message: 'steps and values must have the same length',
    path: ['values'],
  });
export type MetricChartSeries = z.infer<typeof MetricChartSeriesSchema>;

/** What `renderMetricChart` draws: one or several runs' curves of a metric, on shared axes. */
export const MetricChartInputSchema = z.object({
  title: z.string(),
  // Ten series, one per palette colour: more would share colours and stop being readable.
  series: z.array(MetricChartSeriesSchema).min(1).max(10),
  xLabel: z.string().optional().describe('Default "step"'),
  yLabel: z.string().optional(),
  width: z.number().int().min(320).max(4096).default(960),
  height: z.number().int().min(240).max(4096).default(540),
});
export type MetricChartInput = z.input<typeof MetricChartInputSchema>;
export type MetricChartOptions = z.output<typeof MetricChartInputSchema>;
