import { z } from 'zod';

/** What an answer leaves out and why (e.g. fields an older W&B server does not provide). */
export const CaveatsSchema = z
  .array(z.string())
  .optional()
  .describe('What this answer leaves out, and why.');

/** `{ caveats }` when there are any, else nothing: spread into a result. */
export function withCaveats(caveats: readonly (string | undefined)[]): { caveats?: string[] } {
  const kept = [...new Set(caveats.filter((c): c is string => !!c))];
  return kept.length > 0 ? { caveats: kept } : {};
}
