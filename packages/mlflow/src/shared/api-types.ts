import { z } from 'zod';

/**
 * zod schemas of the MLflow REST responses this adapter reads (MLflow's service.proto as its
 * server renders it to JSON). proto3 JSON omits empty fields, so every list defaults to [].
 */

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

const KeyValue = z.object({ key: z.string(), value: z.string().optional().default('') });

export const MlflowMetricSchema = z.object({
  key: z.string(),
  value: z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]),
  timestamp: Int64.optional(),
  step: Int64.optional(),
});

export const MlflowExperimentSchema = z.object({
  experiment_id: z.string(),
  name: z.string(),
  artifact_location: z.string().optional(),
  lifecycle_stage: z.string().optional(),
  last_update_time: Int64.optional(),
  creation_time: Int64.optional(),
  tags: z.array(KeyValue).optional().default([]),
});
export type MlflowExperiment = z.infer<typeof MlflowExperimentSchema>;

export const MlflowRunSchema = z.object({
  info: z.object({
    run_id: z.string(),
    run_name: z.string().optional(),
    experiment_id: z.string(),
    user_id: z.string().optional(),
    status: z.string().optional().default('UNKNOWN'),
    start_time: Int64.optional(),
    end_time: Int64.optional(),
    artifact_uri: z.string().optional(),
    lifecycle_stage: z.string().optional(),
  }),
  data: z
    .object({
      metrics: z.array(MlflowMetricSchema).optional().default([]),
      params: z.array(KeyValue).optional().default([]),
      tags: z.array(KeyValue).optional().default([]),
    })
    .optional()
    .default({ metrics: [], params: [], tags: [] }),
});
export type MlflowRun = z.infer<typeof MlflowRunSchema>;

export const SearchExperimentsResponseSchema = z.object({
  experiments: z.array(MlflowExperimentSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const GetExperimentResponseSchema = z.object({ experiment: MlflowExperimentSchema });

export const SearchRunsResponseSchema = z.object({
  runs: z.array(MlflowRunSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const GetRunResponseSchema = z.object({ run: MlflowRunSchema });

export const EmptyResponseSchema = z.object({}).passthrough();

/** MLflow's error body: `{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}`. */
export const MlflowErrorSchema = z.object({
  error_code: z.string(),
  message: z.string().optional(),
});
