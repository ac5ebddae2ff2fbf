import { z } from 'zod';

/**
 * zod schemas of MLflow's model registry REST responses (model_registry.proto rendered to JSON).
 * proto3 JSON omits empty fields, so lists default to []; int64 may arrive as number or string.
 */

const Int64 = z.union([z.number(), z.string()]);

const KeyValue = z.object({ key: z.string(), value: z.string().optional().default('') });

export const MlflowModelVersionRawSchema = z.object({
  name: z.string(),
  version: z.string(),
  creation_timestamp: Int64.optional(),
  last_updated_timestamp: Int64.optional(),
  user_id: z.string().optional(),
  current_stage: z.string().optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  run_id: z.string().optional(),
  status: z.string().optional(),
  status_message: z.string().optional(),
  tags: z.array(KeyValue).optional().default([]),
  run_link: z.string().optional(),
  /** Filled by get / get-by-alias / latest-versions; model-versions/search leaves it out. */
  aliases: z.array(z.string()).optional().default([]),
  /** MLflow 3: the logged model this version was registered from. */
  model_id: z.string().optional(),
});
export type MlflowModelVersionRaw = z.infer<typeof MlflowModelVersionRawSchema>;

export const MlflowRegisteredModelRawSchema = z.object({
  name: z.string(),
  creation_timestamp: Int64.optional(),
  last_updated_timestamp: Int64.optional(),
  user_id: z.string().optional(),
  description: z.string().optional(),
  latest_versions: z.array(MlflowModelVersionRawSchema).optional().default([]),
  tags: z.array(KeyValue).optional().default([]),
  aliases: z
    .array(z.object({ alias: z.string(), version: z.string() }))
    .optional()
    .default([]),
});
export type MlflowRegisteredModelRaw = z.infer<typeof MlflowRegisteredModelRawSchema>;

export const RegisteredModelResponseSchema = z.object({
  registered_model: MlflowRegisteredModelRawSchema,
});

export const SearchRegisteredModelsResponseSchema = z.object({
  registered_models: z.array(MlflowRegisteredModelRawSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const ModelVersionResponseSchema = z.object({
  model_version: MlflowModelVersionRawSchema,
});

export const ModelVersionsResponseSchema = z.object({
  model_versions: z.array(MlflowModelVersionRawSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const DownloadUriResponseSchema = z.object({ artifact_uri: z.string() });
