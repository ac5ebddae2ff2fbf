import { z } from 'zod';

/**
 * Which requests a fault applies to: every given field must match. `path` is the request path
 * without its query string, compared exactly or tested with a RegExp; `bodyIncludes` tells
 * requests to one route apart (e.g. a GraphQL mutation among queries on POST /graphql).
 */
export const RequestMatchSchema = z.object({
  method: z.string().optional(),
  path: z.union([z.string(), z.instanceof(RegExp)]).optional(),
  bodyIncludes: z.string().optional(),
});
export type RequestMatch = z.infer<typeof RequestMatchSchema>;

/** How many requests and which ones; without `times` the fault lasts until cleared. */
const scope = {
  times: z.number().int().positive().optional(),
  match: RequestMatchSchema.optional(),
};

/**
 * A misbehaviour the proxy plays for matching requests:
 * - `latency`: wait `ms`, then forward (dropped if the client gives up first);
 * - `reset-before-headers`: read the request, forward nothing, reset the connection (RST);
 * - `reset-mid-body`: forward, send the real headers and part of the real body, then close;
 * - `status`: answer `status` (429, 5xx...) without forwarding, with an optional Retry-After;
 * - `truncated-json`: forward, then answer the real status with the first half of the real
 *   body as a complete response (Content-Length of the half);
 * - `invalid-json`: answer 200 with an HTML page instead of JSON, without forwarding;
 * - `down`: stop listening and drop every connection (clients get ECONNREFUSED) until cleared.
 */
export const FaultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().nonnegative(), ...scope }),
  z.object({ kind: z.literal('reset-before-headers'), ...scope }),
  z.object({ kind: z.literal('reset-mid-body'), ...scope }),
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfter: z.string().optional(),
    body: z.string().optional(),
    ...scope,
  }),
  z.object({ kind: z.literal('truncated-json'), ...scope }),
  z.object({ kind: z.literal('invalid-json'), ...scope }),
  z.object({ kind: z.literal('down') }),
]);
export type Fault = z.infer<typeof FaultSchema>;
export type FaultKind = Fault['kind'];
/** A fault that acts on individual requests (everything but `down`). */
export type RequestFault = Exclude<Fault, { kind: 'down' }>;
