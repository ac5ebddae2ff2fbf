import type { CallOptions, Page } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from './context.js';
import { cursorOffset, fetchSize, offsetPage } from './offset-cursor.js';

/** One offset-paged read of a Prefect `POST <kind>/filter` endpoint. */
export interface FilterPageRequest<Raw, Item> {
  /** e.g. `flows/filter`. */
  path: string;
  /** The filter part of the body; sort, offset and limit are added. */
  filter: Record<string, unknown>;
  sort: string;
  schema: z.ZodType<Raw>;
  operation: string;
  /** Maps the fetched items (all of them: offsetPage cuts to the limit). */
  map: (raw: Raw[]) => Item[] | Promise<Item[]>;
}

/**
 * Fetches one page of a `/filter` endpoint from our offset cursor: asks for one item more than
 * `limit` to learn whether there are more (fetchSize), as a retried read.
 */
export async function fetchFilterPage<Raw, Item>(
  ctx: PrefectContext,
  request: FilterPageRequest<Raw, Item>,
  page: { limit: number; cursor?: string | undefined },
  options?: CallOptions,
): Promise<Page<Item>> {
  const offset = cursorOffset(page.cursor);
  const requested = fetchSize(page.limit);
  const raw = await ctx.http.request({
    method: 'POST',
    path: request.path,
    body: { ...request.filter, sort: request.sort, offset, limit: requested },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(request.schema),
    operation: request.operation,
  });
  return offsetPage(await request.map(raw), offset, page.limit, requested);
}
