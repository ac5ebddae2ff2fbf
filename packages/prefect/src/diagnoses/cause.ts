import { z } from 'zod';

/** One named cause of a diagnosis with the facts that show it. */
export const CauseSchema = z.object({
  kind: z.string().describe('What kind of cause, e.g. pool_no_online_worker or upstream_http_5xx'),
  summary: z.string().describe('One sentence naming the cause'),
  evidence: z
    .array(z.string())
    .describe('The concrete facts behind it: names, limits and their values, log lines, times'),
});
export type Cause = z.infer<typeof CauseSchema>;
