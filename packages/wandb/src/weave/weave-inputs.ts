import { z } from 'zod';

/** Input fields the Weave tools share, described once. */
export const entityInput = z.string().min(1).max(128).optional();

export const projectInput = z.string().min(1).max(257).optional();

export { cursorInput, limitInput } from '@mlops-mcp/core';

export const callIdInput = z.string().min(1).max(128).describe('Weave call id.');

/** Ids to match; the input's name says which. */
const idList = () => z.array(z.string().min(1).max(128)).max(100).optional();

export const traceIdsInput = idList();
export const parentIdsInput = idList().describe('Lists the children of these calls.');
export const callIdsInput = idList();

export const opNamesInput = z
  .array(z.string().min(1).max(300))
  .max(20)
  .optional()
  .describe('Any version, or full op refs.');

export const statusInput = z.enum(['error', 'success', 'running']).optional();

/** ISO 8601 or a span back from now, as the server's instructions say. */
const timeBound = () => z.string().min(2).max(40).optional();

export const startedAfterInput = timeBound();
export const startedBeforeInput = timeBound();

export const queryInput = z
  .record(z.string(), z.unknown())
  .optional()
  .describe(
    'Weave $expr query, e.g. {"$expr":{"$gt":[{"$getField":"summary.weave.latency_ms"},{"$literal":2000}]}}.',
  );

export const orderByInput = z
  .array(z.string().min(1).max(250))
  .max(5)
  .optional()
  .describe('"<field> asc|desc", e.g. "summary.weave.latency_ms desc"; default newest first.');

export const includeInput = z
  .array(z.enum(['inputs', 'output', 'attributes']))
  .max(3)
  .default([])
  .describe('Payloads to add to each call (large).');

export const maxPayloadCharsInput = (defaultChars: number) =>
  z
    .number()
    .int()
    .min(100)
    .max(100_000)
    .default(defaultChars)
    .describe('Cut fields are listed in `truncated`.');
