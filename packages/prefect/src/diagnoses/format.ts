/** A duration in seconds as people say it: 45 s, 12 min, 2 h 5 min, 3 d 4 h. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Seconds from an ISO 8601 time to `now` (negative when it is in the future). */
export function secondsSince(iso: string, now: number): number {
  return (now - Date.parse(iso)) / 1000;
}

/** "2025-06-01T10:00:00Z (2 h 5 min ago)", or "(in 3 h)" for a future time. */
export function timeAndAge(iso: string, now: number): string {
  const age = secondsSince(iso, now);
  return age >= 0 ? `${iso} (${formatDuration(age)} ago)` : `${iso} (in ${formatDuration(-age)})`;
}

/** A log line or message cut to one line of at most `max` characters, for evidence strings. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "1 run" / "3 runs". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
