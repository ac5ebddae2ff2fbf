import { isoFromMillis } from '@mlops-mcp/core';

/**
 * Time fields of MLflow 3.x trace messages: proto Timestamps arrive as RFC 3339 strings,
 * Durations as "<seconds>s", and span times as Unix nanoseconds.
 */

/** RFC 3339 string or epoch milliseconds to ISO 8601; undefined when absent or unparsable. */
export function isoFromTimestamp(value: string | number | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return isoFromMillis(value);
  const millis = Date.parse(value);
  return Number.isFinite(millis) ? new Date(millis).toISOString() : undefined;
}

/** A proto Duration ("0.025s") or plain milliseconds to milliseconds. */
export function millisFromDuration(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  const match = /^(-?\d+(?:\.\d+)?)s$/.exec(value.trim());
  if (!match) return undefined;
  return roundMillis(Number(match[1]) * 1000);
}

/** Unix nanoseconds to ISO 8601 (millisecond precision). */
export function isoFromNanos(nanos: number | undefined | null): string | undefined {
  if (nanos === undefined || nanos === null || nanos <= 0) return undefined;
  return isoFromMillis(Math.floor(nanos / 1e6));
}

/** Milliseconds between two Unix-nanosecond times, to the microsecond. */
export function millisBetweenNanos(
  start: number | undefined | null,
  end: number | undefined | null,
): number | undefined {
  if (!start || !end || end < start) return undefined;
  return roundMillis((end - start) / 1e6);
}

function roundMillis(millis: number): number {
  return Math.round(millis * 1000) / 1000;
}
