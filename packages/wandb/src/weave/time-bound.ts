import { InvalidInputError } from '@mlops-mcp/core';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads a time bound: an ISO 8601 date or date-time (no zone = UTC), or a span back from `now`
 * such as `30m`, `24h`, `7d`. An InvalidInputError on `field` otherwise.
 */
export function parseTimeBound(value: string, field: string, now = Date.now()): Date {
  const text = value.trim();
  const ago = /^(\d{1,6})\s*([mhd])$/i.exec(text);
  if (ago) {
    const unit = UNIT_MS[ago[2]?.toLowerCase() ?? ''] ?? 0;
    return new Date(now - Number(ago[1]) * unit);
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const millis = Date.parse(withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(millis)) {
    throw new InvalidInputError(`"${value}" is not a time: use ISO 8601 or a span like 24h.`, {
      backend: 'wandb',
      field,
      hint: 'Examples: "2024-05-01", "2024-05-01T12:00:00Z", "30m", "24h", "7d" (that long ago).',
    });
  }
  return new Date(millis);
}
