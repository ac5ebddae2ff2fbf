import { decodeCursor, encodeCursor, InvalidInputError, type Page } from '@mlops-mcp/core';

/** Prefect's per-request cap on `limit` (PREFECT_SERVER_API_DEFAULT_LIMIT, 200 by default). */
export const PREFECT_PAGE_LIMIT = 200;

/** The offset a cursor of an offset-paged Prefect list resumes at (0 without a cursor). */
export function cursorOffset(cursor: string | undefined): number {
  const { token, skip = 0 } = decodeCursor(cursor);
  if (token === undefined) return skip;
  const offset = Number(token);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidInputError('The cursor is not one this server issued.', { field: 'cursor' });
  }
  return offset + skip;
}

/** Our cursor for a Prefect offset. */
export function offsetCursor(offset: number): string {
  return encodeCursor({ token: String(offset) });
}

/**
 * Builds a page from `fetched` items read at `offset` while asking for `limit` (+1 to learn
 * whether more exist): a budget cut can resume at any item, since the resume point is an offset.
 */
export function offsetPage<T>(
  fetched: T[],
  offset: number,
  limit: number,
  requested: number,
): Page<T> {
  const items = fetched.slice(0, limit);
  const more = fetched.length > limit || (fetched.length === requested && requested === limit);
  return {
    items,
    nextCursor: more ? offsetCursor(offset + items.length) : undefined,
    resumeAt: (index) => offsetCursor(offset + index),
  };
}

/** How many items to ask Prefect for to fill `limit` and learn whether there are more. */
export function fetchSize(limit: number): number {
  return Math.min(limit + 1, PREFECT_PAGE_LIMIT);
}
