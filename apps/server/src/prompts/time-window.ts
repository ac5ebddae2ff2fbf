import { z } from 'zod';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d{1,5})([mhd])$/;

/** A window start: a duration back from now ("90m", "24h", "7d") or an ISO 8601 time. */
export function windowInput(defaultValue: string) {
  return z
    .string()
    .trim()
    .max(40)
    .refine((value) => DURATION.test(value) || !Number.isNaN(Date.parse(value)), {
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
  const relative = DURATION.exec(value);
  const millis = relative
    ? now.getTime() - Number(relative[1]) * UNITS[relative[2]!]!
    : Date.parse(value);
  const iso = new Date(millis).toISOString();
  const phrase = relative ? `in the last ${value} (since ${iso})` : `since ${iso}`;
  return { label: value, millis, iso, phrase, naiveUtc: iso.slice(0, 19) };
}
