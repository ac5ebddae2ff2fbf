import { InvalidInputError } from '@mlops-mcp/core';

/** Bucketed queries without a range cover this long a window, ending now. */
export const DEFAULT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** An instant given as epoch milliseconds or an ISO 8601 string, as epoch milliseconds. */
export function instantMillis(value: string | number | undefined, field: string) {
  if (value === undefined) return undefined;
  const millis = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(millis)) {
    throw new InvalidInputError(`"${String(value).slice(0, 100)}" is not a time.`, {
      field,
      hint: 'Give an ISO 8601 time such as "2025-06-01T00:00:00Z" or epoch milliseconds.',
    });
  }
  return millis;
}

/**
 * The time range of a metrics query. MLflow needs both ends when bucketing by time
 * (`start_time_ms and end_time_ms are required if time_interval_seconds is set`), so a bucketed
 * query without them covers the last 24 hours; an open end is "now".
 */
export function resolveWindow(
  input: { since?: string | number | undefined; until?: string | number | undefined },
  intervalSeconds: number | undefined,
  now = Date.now(),
): { startMs?: number; endMs?: number } {
  let startMs = instantMillis(input.since, 'since');
  let endMs = instantMillis(input.until, 'until');
  if (intervalSeconds !== undefined || startMs !== undefined || endMs !== undefined) {
    endMs ??= now;
    startMs ??= intervalSeconds !== undefined ? endMs - DEFAULT_WINDOW_MS : undefined;
  }
  if (startMs !== undefined && endMs !== undefined && startMs >= endMs) {
    throw new InvalidInputError('`since` must be before `until`.', {
      field: 'since',
      hint: 'Swap the two times, or omit `until` to end the window now.',
    });
  }
  const window: { startMs?: number; endMs?: number } = {};
  if (startMs !== undefined) window.startMs = startMs;
  if (endMs !== undefined) window.endMs = endMs;
  return window;
}
