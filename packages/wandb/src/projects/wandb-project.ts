import { EntityRefSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** A W&B project: the container of runs (the neutral model's experiment). */
export const WandbProjectSchema = z.object({
  ref: EntityRefSchema,
  id: z.string().describe('"<entity>/<project>": the experiment id in neutral tools.'),
  name: z.string(),
  entity: z.string(),
  description: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  runCount: z.number().optional(),
});
export type WandbProject = z.infer<typeof WandbProjectSchema>;
