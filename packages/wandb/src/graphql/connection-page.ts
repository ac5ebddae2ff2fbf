import { decodeCursor, encodeCursor, type Page, resumable } from '@mlops-mcp/core';
import type { PageInfo } from './page-info.js';

/** Where a paged request starts: W&B's `after` cursor and items of that page already returned. */
export interface PageStart {
  after: string | undefined;
  skip: number;
}

/** Reads our opaque cursor (W&B's `after` cursor plus a skip count for budget-cut pages). */
export function pageStart(cursor: string | undefined): PageStart {
  const { token, skip = 0 } = decodeCursor(cursor);
  return { after: token, skip };
}

/**
 * Builds a page from one GraphQL connection fetched with `first: limit + skip` after
 * `start.after`: drops the `skip` items already returned, wraps W&B's `endCursor` in our cursor,
 * and lets a budget cut resume mid-page.
 */
export function connectionPage<T>(
  items: readonly T[],
  pageInfo: PageInfo | undefined,
  start: PageStart,
  totalCount?: number | null,
): Page<T> {
  const page: Page<T> = { items: items.slice(start.skip) };
  if (pageInfo?.hasNextPage && pageInfo.endCursor)
    page.nextCursor = encodeCursor({ token: pageInfo.endCursor });
  if (typeof totalCount === 'number') page.totalCount = totalCount;
  return resumable(page, start.after, start.skip, encodeCursor);
}
