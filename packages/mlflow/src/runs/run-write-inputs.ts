import { z } from 'zod';

/**
 * Input fields the run and experiment write tools share, with MLflow's own limits
 * (mlflow/utils/validation.py) checked before anything is sent, so a bad call fails naming its
 * field instead of half-applying.
 */

/** MLflow's length limits for keys and values. */
export const MAX_KEY_LENGTH = 250;
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_RUN_TAG_VALUE_LENGTH = 8000;

/** Characters MLflow allows in metric, param and tag keys (Python's `[/\w.\- :]`). */
const KEY_CHARACTERS = /^[\p{L}\p{M}\p{N}_/.\- :]+$/u;

const KEY_RULE =
  'may only contain letters, digits, underscores, dashes, periods, colons, spaces and slashes, ' +
  'and must be a plain relative path (no leading or trailing "/", no "//", "." or ".." parts)';

/**
 * MLflow keys may name files, so they must be normalised relative paths: what
 * `posixpath.normpath` leaves unchanged and that neither starts with `/` nor climbs with `..`.
 */
function isNormalisedPath(key: string): boolean {
  if (key.startsWith('/') || key.endsWith('/') || key.includes('//')) return false;
  return key.split('/').every((part) => part !== '.' && part !== '..');
}

/** True for keys MLflow reserves for its own bookkeeping (`mlflow.runName`, `mlflow.user`...). */
export function isReservedKey(key: string): boolean {
  return key.startsWith('mlflow.');
}

/**
 * What is wrong with a metric, param or tag key, or undefined when it is fine. Tag keys
 * (`reserved: 'refuse'`) may not start with `mlflow.`: those drive MLflow's own bookkeeping
 * (run name, source, user, notes) and MLflow rejects some combinations outright.
 */
export function keyProblem(
  what: string,
  key: string,
  reserved: 'allow' | 'refuse',
): string | undefined {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    return `${what} keys must be 1-${MAX_KEY_LENGTH} characters.`;
  }
  if (!KEY_CHARACTERS.test(key) || !isNormalisedPath(key)) return `${what} keys ${KEY_RULE}.`;
  if (reserved === 'refuse' && isReservedKey(key)) {
    return `${what} keys starting with "mlflow." are reserved for MLflow itself (name a run with runName instead of mlflow.runName).`;
  }
  return undefined;
}

/** One metric, param or tag key as MLflow accepts it. */
export const keyInput = (what: string, reserved: 'allow' | 'refuse') =>
  z
    .string()
    .min(1)
    .max(MAX_KEY_LENGTH)
    .superRefine((key, ctx) => {
      const problem = keyProblem(what, key, reserved);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * A map of key → value with at most `max` entries. Keys are checked here rather than by a key
 * schema so the message says what is wrong with a key (zod would report only "Invalid key").
 */
export const keyValueMapInput = (options: {
  what: string;
  max: number;
  maxValueLength: number;
  reserved: 'allow' | 'refuse';
}) =>
  z.record(z.string(), z.string().max(options.maxValueLength)).superRefine((map, ctx) => {
    const keys = Object.keys(map);
    if (keys.length > options.max) {
      ctx.addIssue({
        code: 'custom',
        message: `At most ${options.max} ${options.what.toLowerCase()}s per call (got ${keys.length}); split them over several calls.`,
      });
    }
    for (const key of keys) {
      const problem = keyProblem(options.what, key, options.reserved);
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
  });

export const runIdInput = z.string().min(1).max(200);

/**
 * A point in time: epoch milliseconds or an ISO 8601 date-time. A refine rather than
 * `z.iso.datetime()` keeps the advertised JSON schema small.
 */
export const timeInput = z.union([
  z.number().int().min(0).max(8_640_000_000_000_000),
  z
    .string()
    .max(40)
    .refine(
      (value) => /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) && !Number.isNaN(Date.parse(value)),
      'Expected epoch milliseconds or an ISO 8601 date-time such as 2026-05-01T12:00:00Z.',
    ),
]);

/** Epoch milliseconds of a `timeInput` value. */
export function toMillis(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** A metric value: a number, or MLflow's spellings of NaN and the infinities. */
export const metricValueInput = z
  .union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])])
  .describe('A number, or "NaN", "Infinity", "-Infinity".');

/** A training step: any 64-bit-safe integer, 0 when not given. */
export const stepInput = z
  .number()
  .int()
  .min(-(2 ** 53) + 1)
  .max(2 ** 53 - 1)
  .default(0);
