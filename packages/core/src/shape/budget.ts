import type { Page } from '../model/page.js';
import { encodeCursor } from './cursor.js';
import { estimateTokens, toCompactJson } from './tokens.js';

/**
 * Cuts a page from the end until it fits `maxTokens`, and says so: `truncated: true` and a
 * `nextCursor` that resumes at the first dropped item. At least one item is always kept.
 *
 * @param pageToken the backend token that fetched this page (undefined for the first page)
 * @param skipped items of that backend page already returned before this call
 */
export function fitPageToBudget<T>(
  page: Page<T>,
  maxTokens: number,
  pageToken: string | undefined,
  skipped: number,
): Page<T> {
  if (estimateTokens(toCompactJson(page)) <= maxTokens || page.items.length <= 1) return page;
  // Binary search the largest prefix that fits.
  let lo = 1;
  let hi = page.items.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = { ...page, items: page.items.slice(0, mid) };
    if (estimateTokens(toCompactJson(candidate)) <= maxTokens) lo = mid;
    else hi = mid - 1;
  }
  return {
    ...page,
    items: page.items.slice(0, lo),
    truncated: true,
    nextCursor: encodeCursor({ token: pageToken, skip: skipped + lo }),
  };
}
