import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';

/** "24h", "7d", "90m" or an ISO 8601 instant. */
export const SinceInput = z
  .string()
  .max(40)
  .default('24h')
  .describe(
    'Start of the window: a duration back from now ("90m", "24h", "7d") or an ISO 8601 time.',
  );

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^(\d+)\s*([mhd])$/;

/** True for a duration back from now ("90m", "24h", "7d") rather than an instant. */
export function isRelativeWindow(value: string): boolean {
  return RELATIVE.test(value.trim());
}

/** Resolves a SinceInput value to an instant; a malformed one is invalid_input on `field`. */
export function resolveSince(value: string, field = 'since', now = Date.now()): Date {
  const relative = RELATIVE.exec(value.trim());
  if (relative) return new Date(now - Number(relative[1]) * UNITS[relative[2]!]!);
  const absolute = Date.parse(value);
  if (Number.isNaN(absolute)) {
    throw new InvalidInputError(`"${value}" is neither a duration like 24h nor an ISO 8601 time.`, {
      field,
    });
  }
  return new Date(absolute);
}
