import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import { mapAutomation, type PrefectAutomationView } from '../automation.js';
import { mapConcurrencyLimits, type PrefectConcurrencyLimitView } from '../concurrency-limit.js';
import {
  PrefectAutomationSchema,
  PrefectBlockDocumentSchema,
  PrefectGlobalLimitSchema,
  PrefectTagLimitSchema,
  PrefectVariableSchema,
} from '../prefect-api-types.js';
import {
  mapBlock,
  mapVariable,
  type PrefectBlockView,
  type PrefectVariableView,
} from '../variable-and-block.js';
import type { PrefectContext } from './context.js';

/** Global (v2), tag and deployment concurrency limits with their slot usage. */
export async function listConcurrencyLimits(
  ctx: PrefectContext,
  options?: CallOptions,
): Promise<PrefectConcurrencyLimitView[]> {
  const [v2, tags] = await Promise.all([
    ctx.http.request({
      method: 'POST',
      path: 'v2/concurrency_limits/filter',
      body: { limit: 200 },
      idempotent: true,
      signal: options?.signal,
      schema: z.array(PrefectGlobalLimitSchema),
      operation: 'list global concurrency limits',
    }),
    ctx.http.request({
      method: 'POST',
      path: 'concurrency_limits/filter',
      body: { limit: 200 },
      idempotent: true,
      signal: options?.signal,
      schema: z.array(PrefectTagLimitSchema),
      operation: 'list tag concurrency limits',
    }),
  ]);
  return mapConcurrencyLimits(v2, tags);
}

/** POST /automations/filter (every automation, name order). */
export async function listAutomations(
  ctx: PrefectContext,
  options?: CallOptions,
): Promise<PrefectAutomationView[]> {
  const raw = await ctx.http.request({
    method: 'POST',
    path: 'automations/filter',
    body: { limit: 200 },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(PrefectAutomationSchema),
    operation: 'list automations',
  });
  return raw.map(mapAutomation);
}

/** GET /automations/{id}. */
export async function getAutomation(
  ctx: PrefectContext,
  id: string,
  options?: CallOptions,
): Promise<PrefectAutomationView> {
  const raw = await ctx.http.request({
    method: 'GET',
    path: `automations/${encodeURIComponent(id)}`,
    signal: options?.signal,
    schema: PrefectAutomationSchema,
    operation: 'get automation',
  });
  return mapAutomation(raw);
}

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
