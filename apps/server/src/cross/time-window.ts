import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';

/** The window cross-backend tools use when the caller sets none. */
export const DEFAULT_SINCE = '24h';

/**
 * "24h", "7d", "90m" or an ISO 8601 instant; optional so a handler can tell the default from a
 * window the caller chose (only a default window reports what it hid).
 */
export const SinceInput = z.string().max(40).optional().describe('Default 24h.');

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^(\d+)\s*([mhd])$/;

/** True for a duration back from now ("90m", "24h", "7d") rather than an instant. */
export function isRelativeWindow(value: string): boolean {
  return RELATIVE.test(value.trim());
}

const DAY_MS = 86_400_000;

/**
 * The `since` to pass to reach back to `at` (whole days, rounded up): "3d". Without a time,
 * a wide default.
 */
export function sinceReaching(at: string | undefined, now = Date.now()): string {
  const time = at ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(time)) return '30d';
  return `${Math.max(1, Math.ceil((now - time) / DAY_MS))}d`;
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
