import type { Agent } from '../../task.js';

/**
 * Shared by the computation tasks: paging a list tool to the end (the tool-profile plans), a
 * numeric comparison, and the paging helper every code-mode snippet starts with.
 */

/** Every item of a paged list tool, following nextCursor to the end. */
export async function everyItem<T = Record<string, unknown>>(
  agent: Agent,
  tool: string,
  args: Record<string, unknown>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const { structured, isError, text } = await agent.call(tool, {
      ...args,
      ...(cursor ? { cursor } : {}),
    });
    if (isError) throw new Error(`${tool} failed: ${text.slice(0, 500)}`);
    items.push(...(structured.items as T[]));
    cursor = structured.nextCursor as string | undefined;
  } while (cursor);
  return items;
}

/** Snippet prelude: `all(fn, args)` pages a bound list function to the end. */
export const ALL_PAGES = `async function all(fn, args) {
  const items = [];
  let cursor;
  do {
    const page = await fn({ ...args, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
`;

/** Snippet prelude: the id of an MLflow experiment by name. */
export const EXPERIMENT_ID = `async function experimentId(name) {
  const { items } = await mlflow.searchExperiments({ filter: "name = '" + name + "'" });
  if (!items[0]) throw new Error('no experiment named ' + name);
  return items[0].id;
}
`;

/** Numbers equal to 1e-9 (sums in another order may differ in the last bits). */
export function close(a: unknown, b: number): boolean {
  return typeof a === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** Compares two maps of numbers key by key; one problem per difference. */
export function compareNumberMaps(
  label: string,
  answer: Record<string, unknown> | undefined,
  truth: Record<string, number>,
): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(answer ?? {}), ...Object.keys(truth)]);
  for (const key of [...keys].sort()) {
    const got = answer?.[key];
    const want = truth[key];
    if (want === undefined) problems.push(`${label}: unexpected ${key} = ${String(got)}`);
    else if (!close(got, want)) problems.push(`${label} ${key}: ${String(got)}, expected ${want}`);
  }
  return problems;
}

/** Mean of a list. */
export const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** Groups values by key. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Applies `f` to each group: a plain object keyed by group. */
export function perGroup<T>(
  groups: Map<string, T[]>,
  f: (items: T[]) => number,
): Record<string, number> {
  return Object.fromEntries([...groups].map(([k, items]) => [k, f(items)]));
}

/** Nearest-rank percentile (p in 0..100) of the values. */
export function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Appends `value` to the list under `key`. */
export function pushTo<T>(groups: Record<string, T[]>, key: string, value: T): void {
  const list = groups[key] ?? [];
  list.push(value);
  groups[key] = list;
}
