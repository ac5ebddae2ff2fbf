/** MLflow's own bookkeeping tags (`mlflow.user`, `mlflow.source.name`, ...): noise for a model. */
export function isSystemTag(key: string): boolean {
  return key.startsWith('mlflow.');
}

/** Turns MLflow's `[{key, value}]` lists into a map, dropping system tags unless asked. */
export function keyValuesToMap(
  entries: readonly { key: string; value: string }[],
  includeSystemTags = true,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of entries) {
    if (!includeSystemTags && isSystemTag(key)) continue;
    out[key] = value;
  }
  return out;
}
