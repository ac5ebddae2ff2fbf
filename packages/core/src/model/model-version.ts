import { z } from 'zod';
import { EntityRefSchema } from './ref.js';

/** A version of a registered model (MLflow registry, W&B registry artifact version). */
export const ModelVersionSchema = z.object({
  ref: EntityRefSchema,
  modelName: z.string(),
  version: z.string(),
  aliases: z.array(z.string()).optional(),
  stage: z.string().optional(),
  status: z.string().optional(),
  source: z.string().optional(),
  runId: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  tags: z.record(z.string(), z.string()).optional(),
  description: z.string().optional(),
});
export type ModelVersion = z.infer<typeof ModelVersionSchema>;
