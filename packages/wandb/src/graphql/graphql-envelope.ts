import { z } from 'zod';

/** One entry of a GraphQL response's `errors`. */
export const GraphqlErrorSchema = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type GraphqlError = z.infer<typeof GraphqlErrorSchema>;

/** The response envelope; `data` is validated separately so `errors` are seen first. */
export const GraphqlEnvelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(GraphqlErrorSchema).optional(),
});
