/** Converts Unix epoch milliseconds (number or numeric string, as backends send them) to ISO 8601. */
export function isoFromMillis(value: number | string | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const millis = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(millis) || millis <= 0) return undefined;
  return new Date(millis).toISOString();
}
