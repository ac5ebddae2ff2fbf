import { z } from 'zod';
import { MlflowRunSchema } from '../shared/api-types.js';

/**
 * zod schemas of the run write endpoints (MLflow's service.proto as JSON). delete, restore,
 * log-metric, log-parameter, log-batch, log-inputs and delete-tag answer an empty object.
 */

/** `POST runs/create` → `{run}` (info plus the tags it was created with). */
export const CreateRunResponseSchema = z.object({ run: MlflowRunSchema });

/** `POST runs/update` → `{run_info}` after the update. */
export const UpdateRunResponseSchema = z.object({ run_info: MlflowRunSchema.shape.info });

/** `mlflow.Dataset`: what was read; schema and profile are JSON strings. */
export const MlflowDatasetSchema = z.object({
  name: z.string(),
  digest: z.string(),
  source_type: z.string(),
  source: z.string(),
  schema: z.string().optional(),
  profile: z.string().optional(),
});

/** `mlflow.DatasetInput`: a dataset and how the run used it (tag `mlflow.data.context`). */
export const MlflowDatasetInputSchema = z.object({
  tags: z
    .array(z.object({ key: z.string(), value: z.string().optional().default('') }))
    .optional()
    .default([]),
  dataset: MlflowDatasetSchema,
});
export type MlflowDatasetInput = z.input<typeof MlflowDatasetInputSchema>;

/** `GET runs/get`, read only for the run's dataset inputs. */
export const GetRunInputsResponseSchema = z.object({
  run: z.object({
    inputs: z
      .object({ dataset_inputs: z.array(MlflowDatasetInputSchema).optional().default([]) })
      .optional()
      .default({ dataset_inputs: [] }),
  }),
});
