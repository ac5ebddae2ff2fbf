import { type KindHints, MlopsError, NotFoundError, rehint } from '@mlops-mcp/core';

/** Advice per error kind for one registry, logged-model or prompt call. */
export type RegistryHints = Partial<Record<keyof KindHints, string>>;

/**
 * MLflow answers a missing alias with INVALID_PARAMETER_VALUE ("Registered model alias x not
 * found.", model_registry sqlalchemy_store.get_model_version_by_alias), not
 * RESOURCE_DOES_NOT_EXIST; such errors are really not_found.
 */
const ALIAS_NOT_FOUND = /alias .* not found/i;

/**
 * Awaits `call` and rethrows a failure with advice naming the tool that lists valid values:
 * the adapter's generic hint points at runs and experiments, not at the registry.
 */
export async function withRegistryHints<T>(call: Promise<T>, hints: RegistryHints): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw rehintRegistryError(error, hints);
  }
}

/** The error with the hint for its kind (alias misses turned into not_found), or unchanged. */
export function rehintRegistryError(error: unknown, hints: RegistryHints): unknown {
  if (
    MlopsError.isInstance(error) &&
    error.kind === 'invalid_input' &&
    ALIAS_NOT_FOUND.test(error.message)
  ) {
    return new NotFoundError(error.message, {
      backend: error.backend,
      status: error.status,
      field: error.field,
      cause: error,
      hint: hints.not_found ?? error.hint,
    });
  }
  return rehint(error, hints);
}
