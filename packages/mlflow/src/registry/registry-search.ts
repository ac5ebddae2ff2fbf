import type { CallOptions, Page } from '@mlops-mcp/core';
import type { z } from 'zod';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { fetchResumablePage, type RawPage } from '../shared/resumable-page.js';
import { withRegistryHints } from './registry-hints.js';

/** One page of a registry search (`registered-models/search`, `model-versions/search`). */
export interface RegistrySearch<Response, Raw, Item> {
  /** The endpoint under MLFLOW_API. */
  endpoint: string;
  /** The endpoint's cap on max_results. */
  serverMax: number;
  schema: z.ZodType<Response>;
  /** The rows of one answer and its next page token. */
  rows: (response: Response) => RawPage<Raw>;
  filter: string;
  orderBy?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
  operation: string;
  /** Advice on a rejected filter or order, in the words of the calling tool. */
  invalidInputHint: string;
  map: (raw: Raw) => Item;
}

/** Fetches one resumable page of a registry search (GET with filter, order and page token). */
export function searchRegistry<Response, Raw, Item>(
  mlflow: MlflowContext,
  search: RegistrySearch<Response, Raw, Item>,
  options: CallOptions,
): Promise<Page<Item>> {
  return fetchResumablePage({
    cursor: search.cursor,
    limit: search.limit,
    serverMax: search.serverMax,
    fetch: async (token, maxResults) => {
      const response = await withRegistryHints(
        mlflow.http.request({
          method: 'GET',
          path: `${MLFLOW_API}/${search.endpoint}`,
          query: {
            filter: search.filter,
            max_results: maxResults,
            order_by: search.orderBy?.length ? [...search.orderBy] : undefined,
            page_token: token,
          },
          signal: options.signal,
          schema: search.schema,
          operation: search.operation,
        }),
        { invalid_input: search.invalidInputHint },
      );
      return search.rows(response);
    },
    map: search.map,
  });
}
