/** A Relay connection page over an in-memory list, with offset cursors like "cursor:12". */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** Slices `items` after the `after` cursor, `first` at most (default 50, as W&B's). */
export function connection<T>(
  items: readonly T[],
  args: { after?: string | null; first?: number | null },
): Connection<T> {
  const start = args.after ? decodeOffset(args.after) + 1 : 0;
  const first = Math.max(0, args.first ?? 50);
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, i) => ({ node, cursor: encodeOffset(start + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

function encodeOffset(index: number): string {
  return Buffer.from(`cursor:${index}`, 'utf8').toString('base64');
}

function decodeOffset(cursor: string): number {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new Error('invalid cursor');
  return Number(match[1]);
}
