import { type CallOptions, decodeCursor, encodeCursor, type Page } from '@mlops-mcp/core';
import type { PrefectContext } from '../shared/context.js';
import { compact } from '../shared/merge-filters.js';
import { PrefectEventPageSchema } from '../shared/prefect-api-types.js';
import { mapEvent, type PrefectEventView } from './event.js';

/** Prefect's cap on events per page (prefect/server/api/events.py, INTERACTIVE_PAGE_SIZE). */
export const PREFECT_EVENTS_PAGE = 50;

export interface EventQuery {
  since: string;
  until: string;
  /** Exact event names, e.g. prefect.flow-run.Failed. */
  names?: string[] | undefined;
  /** Event name prefixes, e.g. prefect.flow-run. */
  prefixes?: string[] | undefined;
  /** Primary resource ids, e.g. prefect.flow-run.<id>. */
  resourceIds?: string[] | undefined;
  /** Resource ids that may be the primary or a related resource. */
  anyResourceIds?: string[] | undefined;
  /**
   * Labels one related resource must have (a list: any of the values; a trailing "*" matches a
   * prefix), as Prefect's related.labels filter reads them.
   */
  relatedLabels?: Record<string, string[]> | undefined;
  newestFirst?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * POST /events/filter, then the server's next_page links, until `limit` events are read.
 * next_page is an absolute URL built from the server's own idea of its address (request.base_url),
 * which is wrong behind a proxy, so only its page-token is kept and sent to our base URL.
 * Our cursor holds that token plus how many events of its page were already returned.
 */
export async function listEvents(
  ctx: PrefectContext,
  query: EventQuery,
  options?: CallOptions,
): Promise<Page<PrefectEventView>> {
  const { token: startToken, skip = 0 } = decodeCursor(query.cursor);
  const items: PrefectEventView[] = [];
  const origins: { token: string | undefined; index: number }[] = [];
  let token = startToken;
  let toSkip = skip;
  for (;;) {
    const page = await readPage(ctx, query, token, options);
    const available = page.events.slice(toSkip);
    const taken = available.slice(0, query.limit - items.length);
    taken.forEach((event, k) => {
      items.push(mapEvent(event));
      origins.push({ token, index: toSkip + k });
    });
    if (taken.length < available.length) {
      return finish(items, origins, encodeCursor({ token, skip: toSkip + taken.length }));
    }
    const next = page.next_page ? pageToken(page.next_page) : undefined;
    if (!next) return finish(items, origins, undefined);
    if (items.length >= query.limit) return finish(items, origins, encodeCursor({ token: next }));
    token = next;
    toSkip = 0;
  }
}

function finish(
  items: PrefectEventView[],
  origins: { token: string | undefined; index: number }[],
  nextCursor: string | undefined,
): Page<PrefectEventView> {
  return {
    items,
    nextCursor,
    resumeAt: (i) => encodeCursor({ token: origins[i]?.token, skip: origins[i]?.index }),
  };
}

async function readPage(
  ctx: PrefectContext,
  query: EventQuery,
  token: string | undefined,
  options?: CallOptions,
) {
  if (token) {
    return ctx.http.request({
      method: 'GET',
      path: 'events/filter/next',
      query: { 'page-token': token },
      signal: options?.signal,
      schema: PrefectEventPageSchema,
      operation: 'read next page of events',
    });
  }
  const filter = compact({
    occurred: { since: query.since, until: query.until },
    event: {
      name: query.names?.length ? query.names : undefined,
      prefix: query.prefixes?.length ? query.prefixes : undefined,
    },
    resource: { id: query.resourceIds?.length ? query.resourceIds : undefined },
    any_resource: { id: query.anyResourceIds?.length ? query.anyResourceIds : undefined },
    related: { labels: query.relatedLabels },
  });
  return ctx.http.request({
    method: 'POST',
    path: 'events/filter',
    body: {
      filter: { ...filter, order: query.newestFirst === false ? 'ASC' : 'DESC' },
      limit: PREFECT_EVENTS_PAGE,
    },
    idempotent: true,
    signal: options?.signal,
    schema: PrefectEventPageSchema,
    operation: 'list events',
  });
}

/** The page-token query parameter of a next_page link. */
function pageToken(nextPage: string): string | undefined {
  try {
    return new URL(nextPage).searchParams.get('page-token') ?? undefined;
  } catch {
    return undefined;
  }
}
