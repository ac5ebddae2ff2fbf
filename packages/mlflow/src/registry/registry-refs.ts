import { InvalidInputError, parseEntityUri } from '@mlops-mcp/core';

/** A registered model name, plus the version when a model-version ref was given. */
export interface ModelRefParts {
  name: string;
  version?: string | undefined;
}

/**
 * Accepts a registered model name or the ref.uri of a registered model
 * (`mlflow://registered-models/<name>`) or model version (`mlflow://model-versions/<name>%2F<v>`)
 * from another tool. Model names cannot contain '/' (utils/validation._validate_model_name),
 * so the last '/' of a model-version id separates name and version.
 */
export function parseModelRef(value: string, field = 'name'): ModelRefParts {
  const trimmed = value.trim();
  if (!trimmed.includes('://')) return { name: trimmed };
  const parsed = parseEntityUri(trimmed);
  if (parsed?.backend === 'mlflow' && parsed.kind === 'registered-model') {
    return { name: parsed.id };
  }
  if (parsed?.backend === 'mlflow' && parsed.kind === 'model-version') {
    const cut = parsed.id.lastIndexOf('/');
    if (cut > 0) return { name: parsed.id.slice(0, cut), version: parsed.id.slice(cut + 1) };
  }
  throw new InvalidInputError(
    `"${trimmed.slice(0, 100)}" is not an MLflow registered model or model version URI.`,
    {
      field,
      hint: 'Pass the model name from mlflow_search_registered_models, or a ref.uri such as mlflow://registered-models/<name>.',
    },
  );
}

/** The version to use: the explicit one, else the one inside a model-version ref. */
export function resolveVersion(parts: ModelRefParts, version: string | number | undefined): string {
  const chosen = version !== undefined ? String(version) : parts.version;
  if (chosen === undefined || !/^\d+$/.test(chosen)) {
    throw new InvalidInputError(
      chosen === undefined
        ? `No version given for model "${parts.name}".`
        : `"${chosen.slice(0, 50)}" is not a model version number.`,
      {
        field: 'version',
        hint: 'Versions are whole numbers such as 2; mlflow_search_model_versions (filter "name = \'<model>\'") lists them.',
      },
    );
  }
  return chosen;
}

/** A tool's `name` (name or ref) and `version` read as one model version: name and number. */
export function parseVersionRef(input: { name: string; version?: string | number | undefined }): {
  name: string;
  version: string;
} {
  const parts = parseModelRef(input.name);
  return { name: parts.name, version: resolveVersion(parts, input.version) };
}
