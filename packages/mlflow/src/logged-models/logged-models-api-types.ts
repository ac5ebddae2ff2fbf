import { z } from 'zod';

/**
 * zod schemas of MLflow 3's logged-model REST responses (service.proto LoggedModel rendered to
 * JSON). proto3 JSON omits empty fields, so lists default to []; int64 may be number or string.
 */

const Int64 = z.union([z.number(), z.string()]);

const KeyValue = z.object({ key: z.string(), value: z.string().optional().default('') });

export const MlflowLoggedModelMetricSchema = z.object({
  key: z.string(),
  value: z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]),
  timestamp: Int64.optional(),
  step: Int64.optional(),
  dataset_name: z.string().optional(),
  dataset_digest: z.string().optional(),
  run_id: z.string().optional(),
});
export type MlflowLoggedModelMetric = z.infer<typeof MlflowLoggedModelMetricSchema>;

export const MlflowLoggedModelRawSchema = z.object({
  info: z.object({
    model_id: z.string(),
    experiment_id: z.string(),
    name: z.string().optional(),
    creation_timestamp_ms: Int64.optional(),
    last_updated_timestamp_ms: Int64.optional(),
    artifact_uri: z.string().optional(),
    /** LOGGED_MODEL_PENDING | LOGGED_MODEL_READY | LOGGED_MODEL_UPLOAD_FAILED (enum name). */
    status: z.string().optional(),
    creator_id: Int64.optional(),
    model_type: z.string().optional(),
    source_run_id: z.string().optional(),
    status_message: z.string().optional(),
    tags: z.array(KeyValue).optional().default([]),
    registrations: z
      .array(z.object({ name: z.string(), version: z.string() }))
      .optional()
      .default([]),
  }),
  data: z
    .object({
      params: z.array(KeyValue).optional().default([]),
      metrics: z.array(MlflowLoggedModelMetricSchema).optional().default([]),
    })
    .optional()
    .default({ params: [], metrics: [] }),
});
export type MlflowLoggedModelRaw = z.infer<typeof MlflowLoggedModelRawSchema>;

export const LoggedModelResponseSchema = z.object({ model: MlflowLoggedModelRawSchema });

export const SearchLoggedModelsResponseSchema = z.object({
  models: z.array(MlflowLoggedModelRawSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
