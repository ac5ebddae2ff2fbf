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

/** The `first` and `after` variables of a paged document, for `limit` items from `start`. */
export function pageVariables(
  start: PageStart,
  limit: number,
): { first: number; after: string | undefined } {
  return { first: limit + start.skip, after: start.after };
}

/** A GraphQL connection as the paged documents select it. */
export interface Connection<Node> {
  edges: readonly { node?: Node | null | undefined }[];
  pageInfo?: PageInfo | undefined;
  totalCount?: number | null | undefined;
}

/**
 * The page of `connection` fetched from `start` (see connectionPage): its nodes mapped, edges
 * without a node skipped, `totalCount` given when the document selects one.
 */
export function nodesPage<Node, T>(
  connection: Connection<Node> | null | undefined,
  start: PageStart,
  map: (node: Node) => T,
  totalCount: number | null | undefined = connection?.totalCount,
): Page<T> {
  const items = (connection?.edges ?? []).flatMap((edge) => (edge.node ? [map(edge.node)] : []));
  return connectionPage(items, connection?.pageInfo, start, totalCount);
}
