/**
 * Cleans a run summary for a model: keys starting with `_` (`_step`, `_runtime`, `_timestamp`,
 * `_wandb`) are W&B's bookkeeping and dropped unless asked for; logged media, tables and
 * histograms (objects with a `_type`) are reduced to their type, since their payload is a file
 * reference or thousands of bins.
 */
export function cleanSummary(
  raw: Record<string, unknown>,
  includeInternal: boolean,
): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!includeInternal && key.startsWith('_')) continue;
    summary[key] = isMedia(value) ? { _type: value._type } : value;
  }
  return summary;
}

function isMedia(value: unknown): value is { _type: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && '_type' in value;
}
