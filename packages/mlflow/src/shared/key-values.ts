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

/** A map as MLflow's `[{key, value}]` list (request bodies). */
export function toKeyValues(map: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(map).map(([key, value]) => ({ key, value }));
}

/** The same, or undefined for a missing or empty map (the field is then left out). */
export function toKeyValuesOrOmit(
  map: Record<string, string> | undefined,
): { key: string; value: string }[] | undefined {
  return map && Object.keys(map).length > 0 ? toKeyValues(map) : undefined;
}
