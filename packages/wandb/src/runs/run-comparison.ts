import type { RunComparison } from './run-comparison-schema.js';
import type { WandbRun } from './wandb-run.js';

/** Most metric keys compared when the caller does not name them. */
export const MAX_COMPARED_METRICS = 40;

/**
 * Compares runs: config flattened to dotted keys, keys whose values differ listed with one value
 * per run; numeric summary metrics side by side (the named ones, else every key any run has, up
 * to a cap), with the lowest and highest run per metric.
 */
export function compareRuns(
  runs: readonly WandbRun[],
  metricKeys?: readonly string[],
): RunComparison {
  const configs = runs.map((run) => flattenValues(run.config ?? {}));
  const configKeys = [...new Set(configs.flatMap((config) => Object.keys(config)))].sort();
  const configDiff: Record<string, unknown[]> = {};
  let sameConfigKeys = 0;
  for (const key of configKeys) {
    const values = configs.map((config) => (key in config ? config[key] : null));
    const first = JSON.stringify(values[0]);
    if (values.every((value) => JSON.stringify(value) === first)) sameConfigKeys++;
    else configDiff[key] = values;
  }
  const available = [
    ...new Set(
      runs.flatMap((run) =>
        Object.entries(run.summary ?? {})
          .filter(([, value]) => isMetricValue(value))
          .map(([key]) => key),
      ),
    ),
  ].sort();
  const wanted = metricKeys?.length ? [...metricKeys] : available.slice(0, MAX_COMPARED_METRICS);
  const metrics: Record<string, (number | string | null)[]> = {};
  const best: NonNullable<RunComparison['best']> = {};
  for (const key of wanted) {
    const values = runs.map((run) => {
      const value = run.summary?.[key];
      return isMetricValue(value) ? value : null;
    });
    metrics[key] = values;
    const finite = values
      .map((value, i) => ({ value, id: runs[i]!.id }))
      .filter(
        (entry): entry is { value: number; id: string } =>
          typeof entry.value === 'number' && Number.isFinite(entry.value),
      );
    if (finite.length >= 2) {
      const sorted = [...finite].sort((a, b) => a.value - b.value);
      best[key] = { lowest: sorted[0]!.id, highest: sorted.at(-1)!.id };
    }
  }
  const comparison: RunComparison = {
    runs: runs.map((run) => ({
      ref: run.ref,
      id: run.id,
      ...(run.name ? { name: run.name } : {}),
      status: run.status,
      rawStatus: run.rawStatus,
    })),
    configDiff,
    sameConfigKeys,
    metrics,
  };
  if (Object.keys(best).length > 0) comparison.best = best;
  if (!metricKeys?.length && available.length > wanted.length) comparison.truncated = true;
  return comparison;
}

function isMetricValue(value: unknown): value is number | string {
  return (
    typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity'
  );
}

/** Flattens nested objects into dotted keys, keeping leaf values (arrays are leaves). */
export function flattenValues(
  value: Record<string, unknown>,
  prefix = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      Object.assign(out, flattenValues(inner as Record<string, unknown>, path));
    } else {
      out[path] = inner;
    }
  }
  return out;
}
