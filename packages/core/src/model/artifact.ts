import { z } from 'zod';
import { EntityRefSchema } from './ref.js';

/** A file or directory a run logged. `path` is relative to the run's artifact root. */
export const ArtifactSchema = z.object({
  ref: EntityRefSchema,
  path: z.string(),
  isDir: z.boolean(),
  sizeBytes: z.number().optional(),
});
export type Artifact = z.infer<typeof ArtifactSchema>;
