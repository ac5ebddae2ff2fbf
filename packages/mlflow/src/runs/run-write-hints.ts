import { InvalidInputError, MlopsError, NotFoundError } from '@mlops-mcp/core';

/** Better advice per error kind than the generic MLflow mapping gives, for one operation. */
export type KindHints = Partial<Record<'invalid_input' | 'not_found', string>>;

/**
 * Awaits `call` and, when it fails with a kind listed in `hints`, rethrows the same error with
 * that hint instead: MLflow's own codes say little about what to do next after a write.
 */
export async function withHints<T>(call: Promise<T>, hints: KindHints): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw rehint(error, hints);
  }
}

/** The error with the hint for its kind, or the error unchanged. */
export function rehint(error: unknown, hints: KindHints): unknown {
  if (!MlopsError.isInstance(error)) return error;
  const options = {
    backend: error.backend,
    status: error.status,
    field: error.field,
    cause: error,
  };
  if (error.kind === 'not_found' && hints.not_found) {
    return new NotFoundError(error.message, { ...options, hint: hints.not_found });
  }
  if (error.kind === 'invalid_input' && hints.invalid_input) {
    return new InvalidInputError(error.message, { ...options, hint: hints.invalid_input });
  }
  return error;
}
