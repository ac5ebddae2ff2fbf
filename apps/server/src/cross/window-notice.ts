import type { Caveat } from './fan-out.js';
import { DEFAULT_SINCE, sinceReaching } from './time-window.js';

/**
 * The caveat for items a default window hid on one backend: that they exist, the newest one's
 * time, and the `since` that reaches it. Only for default windows: a caller who chose a window
 * asked for exactly that.
 */
export function olderThanWindowCaveat(
  backend: string,
  what: string,
  newestAt: string | undefined,
): Caveat {
  const when = newestAt ? ` (newest ${newestAt})` : '';
  return {
    backend,
    kind: 'older_than_window',
    message: `${what} older than the default ${DEFAULT_SINCE} window exist${when}, listed in olderThanWindow; pass since "${sinceReaching(newestAt)}" to include them.`,
  };
}

/** The newest of some timed items. */
export function newest<T extends { at?: string | undefined }>(items: readonly T[]): T | undefined {
  return [...items].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))[0];
}
