/** The most timestamps (epoch ms, ascending) that fall within any window of `windowMs`. */
export function maxInWindow(sortedTimes: readonly number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sortedTimes.length; end++) {
    while (sortedTimes[end]! - sortedTimes[start]! > windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Counts by key, largest first, at most `top` entries. */
export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  top: number,
): { key: string; count: number }[] {
  return [...groupBy(items, key)]
    .map(([k, group]) => ({ key: k, count: group.length }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, top);
}
