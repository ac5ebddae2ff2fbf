import { z } from 'zod';

/**
 * zod schemas of MLflow's registered-scorer messages (service.proto `Scorer`, ListScorers,
 * ListScorerVersions, GetScorer) as the 3.x server renders them: `experiment_id` is an int64 in
 * this proto (a string everywhere else), `serialized_scorer` is the scorer's JSON as a string.
 */

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

export const MlflowScorerSchema = z.object({
  experiment_id: z.union([z.number(), z.string()]).transform((value) => String(value)),
  scorer_name: z.string(),
  scorer_version: Int64,
  serialized_scorer: z.string().optional().default(''),
  creation_time: Int64.optional(),
  scorer_id: z.string().optional(),
});
export type MlflowScorer = z.infer<typeof MlflowScorerSchema>;

export const ScorerListResponseSchema = z.object({
  scorers: z.array(MlflowScorerSchema).optional().default([]),
});

export const GetScorerResponseSchema = z.object({ scorer: MlflowScorerSchema });

/** The parts of a serialized scorer (genai/scorers/base.py `SerializedScorer`) the tools show. */
export const SerializedScorerSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().nullish(),
    aggregations: z.array(z.string()).nullish(),
    is_session_level_scorer: z.boolean().nullish(),
    mlflow_version: z.string().nullish(),
    builtin_scorer_class: z.string().nullish(),
    builtin_scorer_pydantic_data: z
      .object({
        model: z.string().nullish(),
        guidelines: z.union([z.array(z.string()), z.string()]).nullish(),
        instructions: z.string().nullish(),
        required_columns: z.array(z.string()).nullish(),
      })
      .nullish(),
    instructions_judge_pydantic_data: z
      .object({ instructions: z.string().nullish(), model: z.string().nullish() })
      .nullish(),
    call_source: z.string().nullish(),
    original_func_name: z.string().nullish(),
    third_party_scorer_data: z.unknown().nullish(),
    ensemble_scorer_data: z.unknown().nullish(),
    memory_augmented_judge_data: z.unknown().nullish(),
  })
  .loose();
export type SerializedScorer = z.infer<typeof SerializedScorerSchema>;
