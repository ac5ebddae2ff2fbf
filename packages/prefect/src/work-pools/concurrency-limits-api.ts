import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { PrefectGlobalLimitSchema, PrefectTagLimitSchema } from '../shared/prefect-api-types.js';
import { mapConcurrencyLimits, type PrefectConcurrencyLimitView } from './concurrency-limit.js';

/** Global (tag) concurrency limits. */

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
