import type { Page } from '../model/page.js';
import { estimateTokens, toCompactJson } from './tokens.js';

/**
 * Cuts a page from the end until it fits `maxTokens`, and says so: `truncated: true` and a
 * `nextCursor` that resumes at the first dropped item (from `page.resumeAt`). At least one item
 * is always kept. The result carries no `resumeAt`, so it can be serialised as is.
 */
export function fitPageToBudget<T>(page: Page<T>, maxTokens: number): Page<T> {
  const { resumeAt, ...plain } = page;
  const fitted = fitItemsToBudget(plain, maxTokens);
  if (fitted === plain) return plain;
  fitted.nextCursor = resumeAt ? resumeAt(fitted.items.length) : undefined;
  return fitted;
}

/**
 * Cuts `items` of a result that cannot resume (a merged, ranked answer with no cursor) from the
 * end until the whole result fits `maxTokens`, and marks it `truncated`. At least one item is
 * kept; every other field stays as it is.
 */
export function fitItemsToBudget<R extends { items: readonly unknown[]; truncated?: boolean }>(
  result: R,
  maxTokens: number,
): R {
  if (estimateTokens(toCompactJson(result)) <= maxTokens || result.items.length <= 1) {
    return result;
  }
  let lo = 1;
  let hi = result.items.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = { ...result, items: result.items.slice(0, mid), truncated: true };
    if (estimateTokens(toCompactJson(candidate)) <= maxTokens) lo = mid;
    else hi = mid - 1;
  }
  return { ...result, items: result.items.slice(0, lo), truncated: true };
}

/**
 * Adds `resumeAt` to a page fetched with backend `token` after skipping `skip` items of it, so a
 * budget cut can resume exactly at the first dropped item.
 */
export function resumable<T>(
  page: Page<T>,
  token: string | undefined,
  skip: number,
  encode: (state: { token?: string | undefined; skip?: number | undefined }) => string,
): Page<T> {
  return { ...page, resumeAt: (index) => encode({ token, skip: skip + index }) };
}
