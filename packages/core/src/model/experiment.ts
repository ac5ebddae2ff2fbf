import { z } from 'zod';
import { EntityRefSchema } from './ref.js';

/** An MLflow experiment or a W&B project: a named container of runs. */
export const ExperimentSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string(),
  lifecycle: z.enum(['active', 'deleted']).optional(),
  artifactLocation: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  tags: z.record(z.string(), z.string()).optional(),
});
export type Experiment = z.infer<typeof ExperimentSchema>;
