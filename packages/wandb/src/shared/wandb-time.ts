/**
 * Normalises a W&B DateTime to ISO 8601 UTC. W&B's DateTimes are UTC but have come both with and
 * without a zone designator ("2025-03-01T12:00:00" and "...:00Z": public client code parses
 * either form); `new Date()` would read a zone-less one as local time, so a missing zone becomes
 * "Z". Returns undefined for null, empty or unparseable values.
 */
export function isoFromWandb(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const millis = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}

/** Milliseconds since the epoch of a W&B DateTime, or undefined. */
export function millisFromWandb(value: string | null | undefined): number | undefined {
  const iso = isoFromWandb(value);
  return iso === undefined ? undefined : Date.parse(iso);
}
