import { ModelVersionSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** The neutral ModelVersion plus what MLflow adds: update time, creator, logged-model link. */
export const MlflowModelVersionSchema = ModelVersionSchema.extend({
  updatedAt: z.string().optional().describe('ISO 8601'),
  user: z.string().optional(),
  statusMessage: z.string().optional(),
  modelId: z
    .string()
    .optional()
    .describe('MLflow 3 logged model this version came from (see mlflow_get_logged_model).'),
  descriptionTruncated: z.boolean().optional().describe('True when description was shortened.'),
});
export type MlflowModelVersion = z.infer<typeof MlflowModelVersionSchema>;
