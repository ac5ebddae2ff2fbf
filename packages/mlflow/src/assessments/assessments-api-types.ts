import { z } from 'zod';

/**
 * zod schemas of MLflow's assessment messages (`mlflow.assessments.Assessment` in
 * assessments.proto) as the 3.x server renders them to JSON: Timestamps as RFC 3339 strings, maps
 * as JSON objects, values as plain JSON (google.protobuf.Value).
 */

const AssessmentErrorSchema = z.object({
  error_code: z.string().optional(),
  error_message: z.string().optional(),
  stack_trace: z.string().optional(),
});

export const MlflowAssessmentSchema = z.object({
  assessment_id: z.string(),
  assessment_name: z.string().optional().default(''),
  trace_id: z.string().optional(),
  span_id: z.string().optional(),
  source: z
    .object({
      source_type: z.string().optional().default('SOURCE_TYPE_UNSPECIFIED'),
      source_id: z.string().optional(),
    })
    .optional(),
  create_time: z.union([z.string(), z.number()]).optional(),
  last_update_time: z.union([z.string(), z.number()]).optional(),
  feedback: z
    .object({ value: z.unknown().optional(), error: AssessmentErrorSchema.optional() })
    .optional(),
  expectation: z
    .object({
      value: z.unknown().optional(),
      // Objects and lists arrive JSON-encoded here (the Python client's choice, kept by the server).
      serialized_value: z
        .object({ serialization_format: z.string().optional(), value: z.string().optional() })
        .optional(),
    })
    .optional(),
  issue: z.object({ issue_name: z.string().optional() }).optional(),
  rationale: z.string().optional(),
  error: AssessmentErrorSchema.optional(),
  metadata: z.record(z.string(), z.string()).optional().default({}),
  overrides: z.string().optional(),
  valid: z.boolean().optional(),
});
export type MlflowAssessment = z.infer<typeof MlflowAssessmentSchema>;

export const AssessmentResponseSchema = z.object({ assessment: MlflowAssessmentSchema });
