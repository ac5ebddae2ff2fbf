/**
 * Normalises the trace server's timestamps to ISO 8601 UTC. They come in three spellings: calls
 * as pydantic writes them (`2024-05-01T10:00:00.123456Z`), feedback as SQLite text
 * (`2024-05-01 10:00:00.123456+00:00`) and objects without a zone (`2024-05-01T10:00:00.123`,
 * UTC by construction). Unparseable input is returned unchanged rather than dropped.
 */
export function isoFromWeave(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let text = value.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += 'Z';
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? value : new Date(millis).toISOString();
}

/** Milliseconds between two server timestamps, or undefined when either is missing. */
export function millisBetween(
  start: string | null | undefined,
  end: string | null | undefined,
): number | undefined {
  const from = isoFromWeave(start);
  const to = isoFromWeave(end);
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isNaN(ms) ? undefined : ms;
}
