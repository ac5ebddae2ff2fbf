import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { PrefectBlockDocumentSchema, PrefectVariableSchema } from '../shared/prefect-api-types.js';
import {
  mapBlock,
  mapVariable,
  type PrefectBlockView,
  type PrefectVariableView,
} from './variable-and-block.js';

/** Variables and blocks (names and types; block secrets are never read). */

/** POST /variables/filter: names and values. */
export async function listVariables(
  ctx: PrefectContext,
  query: { nameLike?: string | undefined; limit: number },
  options?: CallOptions,
): Promise<PrefectVariableView[]> {
  const raw = await ctx.http.request({
    method: 'POST',
    path: 'variables/filter',
    body: {
      variables: query.nameLike ? { name: { like_: query.nameLike } } : undefined,
      sort: 'NAME_ASC',
      limit: query.limit,
    },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(PrefectVariableSchema),
    operation: 'list variables',
  });
  return raw.map(mapVariable);
}

/**
 * POST /block_documents/filter with include_secrets=false: Prefect then masks secret fields,
 * and the response schema does not read `data` at all, so no block value can reach a caller.
 */
export async function listBlocks(
  ctx: PrefectContext,
  query: { nameLike?: string | undefined; limit: number },
  options?: CallOptions,
): Promise<PrefectBlockView[]> {
  const raw = await ctx.http.request({
    method: 'POST',
    path: 'block_documents/filter',
    body: {
      block_documents: {
        is_anonymous: { eq_: false },
        ...(query.nameLike ? { name: { like_: query.nameLike } } : {}),
      },
      include_secrets: false,
      sort: 'BLOCK_TYPE_AND_NAME_ASC',
      limit: query.limit,
    },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(PrefectBlockDocumentSchema),
    operation: 'list blocks',
  });
  return raw.map(mapBlock);
}
