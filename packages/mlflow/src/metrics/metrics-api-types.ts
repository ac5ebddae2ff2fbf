import { z } from 'zod';
import { MlflowMetricSchema } from '../shared/api-types.js';

/** `GET metrics/get-history`: one page of a run's points for one key, in logging order. */
export const GetMetricHistoryResponseSchema = z.object({
  metrics: z.array(MlflowMetricSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

/** `GET metrics/get-history-bulk-interval`: up to `max_results` points per run, tagged by run. */
export const GetMetricHistoryBulkIntervalResponseSchema = z.object({
  metrics: z
    .array(MlflowMetricSchema.extend({ run_id: z.string() }))
    .optional()
    .default([]),
});

/** One logged point as MLflow sends it (value may be "NaN" / "Infinity" / "-Infinity"). */
export type MlflowMetricPoint = z.infer<typeof MlflowMetricSchema>;
