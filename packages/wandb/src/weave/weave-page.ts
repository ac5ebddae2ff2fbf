import { decodeCursor, encodeCursor, type Page, resumable } from '@mlops-mcp/core';

/** The offset an offset-paged Weave list resumes at: the `skip` of our cursor (0 without one). */
export function cursorSkip(cursor: string | undefined): number {
  return decodeCursor(cursor).skip ?? 0;
}

/**
 * The page of `rows` read with `limit: limit + 1` from `offset`: the first `limit` rows mapped,
 * a next cursor when the extra row came back, and resumable mid-page after a budget cut.
 */
export function offsetRowsPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  offset: number,
  map: (row: Row) => Item,
): Page<Item> {
  const items = rows.slice(0, limit).map((row) => map(row));
  const nextCursor = rows.length > limit ? encodeCursor({ skip: offset + limit }) : undefined;
  return resumable({ items, nextCursor }, undefined, offset, encodeCursor);
}
