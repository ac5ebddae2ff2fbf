import { z } from 'zod';
import { EntityRefSchema } from './ref.js';
import { TraceStatusSchema } from './status.js';

/** One operation inside a trace (MLflow span, Weave call). */
export const SpanSchema = z.object({
  id: z.string(),
  parentId: z.string().optional(),
  name: z.string(),
  kind: z.string().optional(),
  status: TraceStatusSchema,
  rawStatus: z.string().optional(),
  startedAt: z.string().optional().describe('ISO 8601'),
  endedAt: z.string().optional().describe('ISO 8601'),
  durationMs: z.number().optional(),
  error: z.string().optional(),
  inputs: z.unknown().optional(),
  outputs: z.unknown().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type Span = z.infer<typeof SpanSchema>;

/** A trace: the root operation of an LLM/agent call and, when fetched in full, its spans. */
export const TraceSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string().optional(),
  status: TraceStatusSchema,
  rawStatus: z.string().optional(),
  startedAt: z.string().optional().describe('ISO 8601'),
  durationMs: z.number().optional(),
  experimentId: z.string().optional(),
  runId: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  spans: z.array(SpanSchema).optional(),
});
export type Trace = z.infer<typeof TraceSchema>;
