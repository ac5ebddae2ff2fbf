import { z } from 'zod';

/**
 * zod schemas of MLflow's prompt optimization job messages (prompt_optimization.proto
 * `PromptOptimizationJob`, jobs.proto `JobState`) as the 3.x server renders them: enums by name
 * (JOB_STATUS_PENDING, OPTIMIZER_TYPE_GEPA), int64 as numbers or strings.
 */

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

export const MlflowPromptOptimizationJobSchema = z.object({
  job_id: z.string(),
  run_id: z.string().optional(),
  state: z
    .object({
      status: z.string().optional().default('JOB_STATUS_UNSPECIFIED'),
      error_message: z.string().optional(),
      status_message: z.string().optional(),
      metadata: z.record(z.string(), z.string()).optional(),
    })
    .optional()
    .default({ status: 'JOB_STATUS_UNSPECIFIED' }),
  experiment_id: z.string().optional(),
  source_prompt_uri: z.string().optional(),
  optimized_prompt_uri: z.string().optional(),
  config: z
    .object({
      optimizer_type: z.string().optional(),
      dataset_id: z.string().optional(),
      scorers: z.array(z.string()).optional().default([]),
      optimizer_config_json: z.string().optional(),
    })
    .optional(),
  creation_timestamp_ms: Int64.optional(),
  completion_timestamp_ms: Int64.optional(),
  tags: z
    .array(z.object({ key: z.string(), value: z.string().optional().default('') }))
    .optional()
    .default([]),
  initial_eval_scores: z.record(z.string(), z.number()).optional(),
  final_eval_scores: z.record(z.string(), z.number()).optional(),
});
export type MlflowPromptOptimizationJob = z.infer<typeof MlflowPromptOptimizationJobSchema>;

export const PromptOptimizationJobResponseSchema = z.object({
  job: MlflowPromptOptimizationJobSchema,
});

export const SearchPromptOptimizationJobsResponseSchema = z.object({
  jobs: z.array(MlflowPromptOptimizationJobSchema).optional().default([]),
});
