/**
 * Reduces a series to at most `maxPoints` (≥ 4) points, keeping the first and last points and,
 * in each bucket between them, the minimum and the maximum: the shape of a loss curve and its
 * extremes survive, which a plain stride would lose. Returns the indexes kept, ascending.
 */
export function downsampleIndexes(values: readonly number[], maxPoints: number): number[] {
  const n = values.length;
  const budget = Math.max(4, Math.floor(maxPoints));
  if (n <= budget) return values.map((_v, i) => i);
  const inner = budget - 2;
  const buckets = Math.floor(inner / 2);
  const kept = new Set<number>([0, n - 1]);
  const span = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor(b * span);
    const end = Math.min(n - 1, 1 + Math.floor((b + 1) * span));
    let minI = start;
    let maxI = start;
    for (let i = start; i < end; i++) {
      if (values[i]! < values[minI]!) minI = i;
      if (values[i]! > values[maxI]!) maxI = i;
    }
    kept.add(minI);
    kept.add(maxI);
  }
  return [...kept].sort((a, b) => a - b);
}
