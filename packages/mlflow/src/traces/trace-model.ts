import { SpanSchema, TraceSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/**
 * What the MLflow trace and assessment tools return: the neutral Trace/Span plus the MLflow
 * details a model needs to judge a GenAI call (previews, assessments, surfaced errors).
 */

export const AssessmentSourceTypeSchema = z.enum(['HUMAN', 'LLM_JUDGE', 'CODE']);
export type AssessmentSourceType = z.infer<typeof AssessmentSourceTypeSchema>;

export const AssessmentSchema = z.object({
  id: z.string(),
  traceId: z.string().optional(),
  name: z.string(),
  kind: z
    .enum(['feedback', 'expectation', 'issue', 'unknown'])
    .describe('feedback: a judgement of the trace; expectation: the ground truth it should match.'),
  value: z.unknown().optional(),
  rationale: z.string().optional(),
  error: z.string().optional().describe('Why a judge failed to produce a value.'),
  source: z.object({ type: z.string(), id: z.string().optional() }),
  spanId: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  metadata: z.record(z.string(), z.string()).optional(),
  valid: z.boolean().optional().describe('false when a newer assessment overrides this one.'),
  overrides: z.string().optional().describe('Id of the assessment this one replaces.'),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const TokenUsageSchema = z.record(z.string(), z.number());

/** One trace as searches list it: no spans, short previews of the request and response. */
export const TraceSummarySchema = TraceSchema.omit({ spans: true }).extend({
  clientRequestId: z.string().optional(),
  session: z.string().optional().describe('Session id the app recorded (mlflow.trace.session).'),
  user: z.string().optional().describe('End user the app recorded (mlflow.trace.user).'),
  tokenUsage: TokenUsageSchema.optional().describe('LLM tokens used across the trace.'),
  metadata: z
    .record(z.string(), z.string())
    .optional()
    .describe('Trace metadata set by the app (mlflow.* keys only with includeSystemTags).'),
  requestPreview: z.string().optional(),
  responsePreview: z.string().optional(),
  previewTruncated: z
    .boolean()
    .optional()
    .describe('True when a preview was cut; mlflow_get_trace has the full inputs/outputs.'),
  assessments: z.array(AssessmentSchema).optional(),
});
export type TraceSummary = z.infer<typeof TraceSummarySchema>;

export const TraceSpanSchema = SpanSchema.extend({
  truncated: z
    .boolean()
    .optional()
    .describe('True when inputs, outputs or attributes were cut to maxFieldChars.'),
});
export type TraceSpan = z.infer<typeof TraceSpanSchema>;

export const TraceErrorSchema = z.object({
  spanId: z.string(),
  spanName: z.string(),
  message: z.string(),
});

/** A full trace: the summary, its spans in tree order (parents first) and surfaced errors. */
export const TraceDetailSchema = TraceSummarySchema.extend({
  spans: z.array(TraceSpanSchema),
  spanCount: z.number().describe('Spans in the whole trace.'),
  nextSpanOffset: z
    .number()
    .optional()
    .describe('More spans remain: call again with spanOffset set to this.'),
  error: z
    .string()
    .optional()
    .describe('The first exception raised in the trace (where it started), if any.'),
  errors: z.array(TraceErrorSchema).optional().describe('Every span that failed, with its error.'),
  truncated: z
    .boolean()
    .optional()
    .describe('True when span fields were cut (see each span) or spans were left for later.'),
  spansSource: z
    .enum(['traces/get', 'traces/batchGet', 'get-trace-artifact'])
    .describe('The MLflow endpoint the spans came from.'),
});
export type TraceDetail = z.infer<typeof TraceDetailSchema>;
