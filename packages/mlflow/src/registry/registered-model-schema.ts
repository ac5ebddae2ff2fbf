import { EntityRefSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { MlflowModelVersionSchema } from './model-version-schema.js';

/** A registered model as the registry tools return it: aliases as a map, latest versions. */
export const MlflowRegisteredModelSchema = z.object({
  ref: EntityRefSchema,
  name: z.string(),
  description: z.string().optional(),
  descriptionTruncated: z.boolean().optional().describe('True when description was shortened.'),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  user: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  aliases: z
    .record(z.string(), z.string())
    .describe('Alias → version number, e.g. {"champion": "2"}.'),
  latestVersions: z
    .array(MlflowModelVersionSchema)
    .describe('Latest version per stage (one entry when stages are unused).'),
});
export type MlflowRegisteredModel = z.infer<typeof MlflowRegisteredModelSchema>;
