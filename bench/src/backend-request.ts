import { z } from 'zod';

/** One HTTP request the gateway sent to a backend, as it went on the wire. */
export const BackendRequestSchema = z.object({
  origin: z.string(),
  path: z.string(),
  method: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
});
export type BackendRequest = z.infer<typeof BackendRequestSchema>;
