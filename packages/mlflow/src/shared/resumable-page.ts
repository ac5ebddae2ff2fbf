import { decodeCursor, encodeCursor, type Page, resumable } from '@mlops-mcp/core';

/** One backend page: raw items and the backend's token for the next page. */
export interface RawPage<Raw> {
  items: Raw[];
  nextToken?: string | undefined;
}

/**
 * Fetches one page of an MLflow search that pages with `page_token` + `max_results`, resuming
 * from our cursor (backend token + items of that page already returned) so a page cut to the
 * response budget continues exactly where it stopped. `serverMax` is the endpoint's cap on
 * max_results; a resumed page asks for `limit + skip` items, clamped to it.
 */
export async function fetchResumablePage<Raw, Item>(args: {
  cursor: string | undefined;
  limit: number;
  serverMax: number;
  fetch: (token: string | undefined, maxResults: number) => Promise<RawPage<Raw>>;
  map: (raw: Raw) => Item;
}): Promise<Page<Item>> {
  const { token, skip = 0 } = decodeCursor(args.cursor);
  const raw = await args.fetch(token, Math.min(args.serverMax, args.limit + skip));
  return resumedPage(raw.items.slice(skip).map(args.map), raw.nextToken, token, skip);
}

/**
 * Our page from one MLflow page read at (`token`, `skip`): `items` are those from `skip` on;
 * MLflow's next page token becomes the next cursor, and a page cut to the response budget
 * resumes at the first item left out (core's `resumable`).
 */
export function resumedPage<Item>(
  items: Item[],
  nextToken: string | undefined,
  token: string | undefined,
  skip: number,
): Page<Item> {
  return resumable(
    { items, nextCursor: nextToken ? encodeCursor({ token: nextToken }) : undefined },
    token,
    skip,
    encodeCursor,
  );
}
