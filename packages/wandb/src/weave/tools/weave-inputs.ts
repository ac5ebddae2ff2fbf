import { z } from 'zod';

/** Input fields the Weave tools share, described once. */
export const entityInput = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe('W&B entity (user or team) owning the project. Default: WANDB_ENTITY.');

export const projectInput = z
  .string()
  .min(1)
  .max(257)
  .optional()
  .describe('W&B project name, or "<entity>/<project>". Default: WANDB_PROJECT.');

export { cursorInput, limitInput } from '@mlops-mcp/core';

export const callIdInput = z
  .string()
  .min(1)
  .max(128)
  .describe('Weave call id, from wandb_search_calls or wandb_search_traces (rootCallId).');

const idList = (what: string) =>
  z
    .array(z.string().min(1).max(128))
    .max(100)
    .optional()
    .describe(`Only calls with these ${what}.`);

export const traceIdsInput = idList('trace ids (traceId)');
export const parentIdsInput = idList('parent call ids (children of those calls)');
export const callIdsInput = idList('call ids');

export const opNamesInput = z
  .array(z.string().min(1).max(300))
  .max(20)
  .optional()
  .describe('Only calls of these ops: names such as "agent" (every version) or full op refs.');

export const statusInput = z
  .enum(['error', 'success', 'running'])
  .optional()
  .describe(
    'Only calls that raised (error), finished without raising (success), or have not ended.',
  );

const timeBound = (which: string) =>
  z
    .string()
    .min(2)
    .max(40)
    .optional()
    .describe(
      `Only calls started ${which}: ISO 8601, or a span back from now like "30m", "24h", "7d".`,
    );

export const startedAfterInput = timeBound('at or after this time');
export const startedBeforeInput = timeBound('before this time');

export const queryInput = z
  .record(z.string(), z.unknown())
  .optional()
  .describe(
    'Advanced Weave query, {"$expr": <operation>}. Operations: $and $or $not (lists), $eq $gt $gte $lt $lte ' +
      '(two operands), $in [operand, [operands]], $contains {input, substr, case_insensitive}; operands: ' +
      '{"$getField": "summary.weave.latency_ms"} (fields: op_name, display_name, started_at, inputs.x, output.x, ' +
      'attributes.x, summary.weave.status|latency_ms|trace_name), {"$literal": v}, {"$convert": {input, to}}. ' +
      'Example: {"$expr":{"$gt":[{"$getField":"summary.weave.latency_ms"},{"$literal":2000}]}}',
  );

export const orderByInput = z
  .array(z.string().min(1).max(250))
  .max(5)
  .optional()
  .describe(
    'Sort clauses "<field> asc|desc", e.g. ["summary.weave.latency_ms desc"]. Default: started_at desc (newest first).',
  );

export const includeInput = z
  .array(z.enum(['inputs', 'output', 'attributes']))
  .max(3)
  .default([])
  .describe('Payloads to fetch for each call; omitted by default because they are large.');

export const maxPayloadCharsInput = (defaultChars: number) =>
  z
    .number()
    .int()
    .min(100)
    .max(100_000)
    .default(defaultChars)
    .describe(
      `Longest inputs/output kept per call, in characters of JSON (default ${defaultChars}); longer ones become a ` +
        'JSON-text prefix and are listed in `truncated`.',
    );
