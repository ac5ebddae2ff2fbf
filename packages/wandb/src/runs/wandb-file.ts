import { z } from 'zod';

/** A file a run saved. */
export const WandbFileSchema = z.object({
  name: z.string().describe('Path within the run.'),
  sizeBytes: z.number().optional(),
  mimetype: z.string().optional(),
  updatedAt: z.string().optional().describe('ISO 8601'),
  md5: z.string().optional(),
  url: z
    .string()
    .optional()
    .describe('W&B API download URL; fetching it needs the W&B API key (HTTP basic, user "api").'),
});
export type WandbFile = z.infer<typeof WandbFileSchema>;
