import { compare, valueAt } from './mongo-filter.js';
import type { StandinRun } from './standin-model.js';

/**
 * Sorts runs by a W&B order string: "+key" ascending, "-key" descending, no sign ascending;
 * keys `created_at`, `heartbeat_at`, `config.<key>[.value]`, `summary_metrics.<key>`. Runs
 * without the key sort last either way, as W&B shows them. Default: newest first.
 */
export function sortRuns(
  runs: readonly StandinRun[],
  order: string | null | undefined,
): StandinRun[] {
  const text = order?.trim() || '-created_at';
  const descending = text.startsWith('-');
  const key = text.replace(/^[+-]/, '');
  return [...runs].sort((a, b) => {
    const left = valueAt(a, key);
    const right = valueAt(b, key);
    const leftMissing = left === undefined || left === null || Number.isNaN(left);
    const rightMissing = right === undefined || right === null || Number.isNaN(right);
    if (leftMissing || rightMissing) {
      return Number(leftMissing) - Number(rightMissing) || a.name.localeCompare(b.name);
    }
    const result = compare(left, right);
    const ordered = Number.isNaN(result) ? 0 : result;
    return (descending ? -ordered : ordered) || a.name.localeCompare(b.name);
  });
}
