import { z } from 'zod';
import { EntityRefSchema } from './ref.js';
import { RunStatusSchema } from './status.js';

/**
 * A metric value. JSON has no NaN or Infinity, so those arrive (and leave) as the strings
 * MLflow's REST API itself uses.
 */
export const MetricValueSchema = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
export type MetricValue = z.infer<typeof MetricValueSchema>;

/** One training / evaluation run (MLflow run, W&B run). Metrics hold the latest value of each key. */
export const RunSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string().optional(),
  experimentId: z.string(),
  status: RunStatusSchema,
  rawStatus: z.string(),
  startedAt: z.string().optional().describe('ISO 8601'),
  endedAt: z.string().optional().describe('ISO 8601'),
  durationMs: z.number().optional(),
  user: z.string().optional(),
  parentRunId: z.string().optional().describe('The run this one is nested under.'),
  lifecycle: z.enum(['active', 'deleted']).optional(),
  artifactUri: z.string().optional(),
  params: z.record(z.string(), z.string()).optional(),
  metrics: z.record(z.string(), MetricValueSchema).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
export type Run = z.infer<typeof RunSchema>;
