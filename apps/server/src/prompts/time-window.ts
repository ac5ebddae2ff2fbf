import { z } from 'zod';
import { isRelativeWindow, resolveSince } from '../cross/time-window.js';

/** True when the cross-backend tools' parser accepts the value (one definition of a window). */
function isWindow(value: string): boolean {
  try {
    resolveSince(value);
    return true;
  } catch {
    return false;
  }
}

/** A window start: a duration back from now ("90m", "24h", "7d") or an ISO 8601 time. */
export function windowInput(defaultValue: string) {
  return z
    .string()
    .trim()
    .max(40)
    .refine(isWindow, {
      message: 'Use a duration like 90m, 24h or 7d, or an ISO 8601 time.',
    })
    .default(defaultValue)
    .describe(
      `How far back to look: a duration ("90m", "24h", "7d") or an ISO 8601 time; default ${defaultValue}.`,
    );
}

/** A resolved window start in the forms the backends' filters take. */
export interface WindowStart {
  /** As the user gave it. */
  label: string;
  /** For prose: "in the last 24h (since <ISO>)" or "since <ISO>". */
  phrase: string;
  /** Epoch milliseconds (MLflow filters). */
  millis: number;
  /** ISO 8601 with zone (Prefect, Weave). */
  iso: string;
  /** ISO 8601 without zone or fraction, as W&B run filters compare `createdAt` (UTC). */
  naiveUtc: string;
}

/** Resolves a window value (already validated by {@link windowInput}) against `now`. */
export function resolveWindow(value: string, now: Date): WindowStart {
  const millis = resolveSince(value, 'since', now.getTime()).getTime();
  const iso = new Date(millis).toISOString();
  const phrase = isRelativeWindow(value) ? `in the last ${value} (since ${iso})` : `since ${iso}`;
  return { label: value, millis, iso, phrase, naiveUtc: iso.slice(0, 19) };
}
