import { EntityRefSchema, TraceStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** Token counts of a call (its own and, for parents, its children's). */
export const TokenUsageSchema = z.object({
  input: z.number(),
  output: z.number(),
  total: z.number(),
});

/** One Weave call, compact: what search and get tools return. */
export const CallItemSchema = z.object({
  ref: EntityRefSchema,
  id: z.string().describe('Call id; pass to wandb_get_call or wandb_add_feedback.'),
  traceId: z.string().describe('Trace id; pass to wandb_get_trace for the whole tree.'),
  parentId: z.string().optional().describe('Parent call id; absent for a trace root.'),
  op: z.string().describe('Op name, e.g. "agent" (the version digest dropped).'),
  opRef: z.string().optional().describe('Full op ref with version (wandb_get_call only).'),
  displayName: z.string().optional(),
  status: TraceStatusSchema,
  rawStatus: z.string().describe('Weave status: success, error, running or descendant_error.'),
  startedAt: z.string().optional().describe('ISO 8601'),
  endedAt: z.string().optional().describe('ISO 8601'),
  latencyMs: z.number().optional(),
  tokens: TokenUsageSchema.optional().describe('Summed over models; parents include children.'),
  costUsd: z.number().optional().describe('When the server has prices for the models used.'),
  models: z.array(z.string()).optional(),
  error: z.string().optional().describe('"Type: message" of the exception.'),
  inputs: z.unknown().optional(),
  output: z.unknown().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  truncated: z
    .array(z.string())
    .optional()
    .describe('Payload fields cut to a JSON-text prefix because they were too long.'),
});
export type CallItem = z.infer<typeof CallItemSchema>;
