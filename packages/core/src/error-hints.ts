import { InvalidInputError, MlopsError, NotFoundError } from './errors.js';

/** Advice for one kind of failure: a hint, and optionally the input field at fault. */
export type KindHint = string | { hint: string; field?: string | undefined };

/**
 * Better advice per error kind than a backend's generic error mapping gives, for one call
 * (a backend's not_found hint names its run search; a registry call should name its own).
 */
export type KindHints = Partial<Record<'invalid_input' | 'not_found', KindHint>>;

/**
 * Awaits `call` and, when it fails with a kind listed in `hints`, rethrows the same error with
 * that hint instead. `hints` may be a function of the error, for advice that depends on the
 * message.
 */
export async function withHints<T>(
  call: Promise<T>,
  hints: KindHints | ((error: MlopsError) => KindHints),
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!MlopsError.isInstance(error)) throw error;
    throw rehint(error, typeof hints === 'function' ? hints(error) : hints);
  }
}

/** The error with the hint for its kind, or the error unchanged. */
export function rehint(error: unknown, hints: KindHints): unknown {
  if (!MlopsError.isInstance(error)) return error;
  if (error.kind !== 'not_found' && error.kind !== 'invalid_input') return error;
  const advice = hints[error.kind];
  if (advice === undefined) return error;
  const { hint, field } =
    typeof advice === 'string' ? { hint: advice, field: error.field } : advice;
  const options = { backend: error.backend, status: error.status, field, cause: error, hint };
  return error.kind === 'not_found'
    ? new NotFoundError(error.message, options)
    : new InvalidInputError(error.message, options);
}
