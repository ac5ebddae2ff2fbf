import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import {
  PrefectPoolConcurrencySchema,
  PrefectWorkerSchema,
  PrefectWorkPoolSchema,
  PrefectWorkQueueSchema,
} from '../shared/prefect-api-types.js';
import { mapWorkPool, type PrefectWorkPoolView } from './work-pool.js';

const poolPath = (name: string) => `work_pools/${encodeURIComponent(name)}`;

/** POST /work_pools/filter: every pool (Prefect pages them by offset; a workspace has few). */
export async function readWorkPools(ctx: PrefectContext, options?: CallOptions) {
  return ctx.http.request({
    method: 'POST',
    path: 'work_pools/filter',
    body: { limit: 200 },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(PrefectWorkPoolSchema),
    operation: 'list work pools',
  });
}

/** A pool's workers, queues and concurrency status, read in parallel. */
async function poolDetails(ctx: PrefectContext, name: string, options?: CallOptions) {
  const [workers, queues, concurrency] = await Promise.all([
    ctx.http.request({
      method: 'POST',
      path: `${poolPath(name)}/workers/filter`,
      body: { limit: 200 },
      idempotent: true,
      signal: options?.signal,
      schema: z.array(PrefectWorkerSchema),
      operation: 'list work pool workers',
    }),
    ctx.http.request({
      method: 'POST',
      path: `${poolPath(name)}/queues/filter`,
      body: { limit: 200 },
      idempotent: true,
      signal: options?.signal,
      schema: z.array(PrefectWorkQueueSchema),
      operation: 'list work pool queues',
    }),
    ctx.http.request({
      method: 'POST',
      path: `${poolPath(name)}/concurrency_status`,
      body: { limit: 200, flow_run_limit: 10 },
      idempotent: true,
      signal: options?.signal,
      schema: PrefectPoolConcurrencySchema,
      operation: 'read work pool concurrency status',
    }),
  ]);
  return { workers, queues, concurrency };
}

/** Every pool with its workers, queues and slot usage. */
export async function listWorkPools(
  ctx: PrefectContext,
  options?: CallOptions,
): Promise<PrefectWorkPoolView[]> {
  const pools = await readWorkPools(ctx, options);
  return Promise.all(
    pools.map(async (pool) => mapWorkPool(pool, await poolDetails(ctx, pool.name, options))),
  );
}

/** GET /work_pools/{name} with its workers, queues and slot usage. */
export async function getWorkPool(
  ctx: PrefectContext,
  name: string,
  options?: CallOptions,
): Promise<PrefectWorkPoolView> {
  const pool = await ctx.http.request({
    method: 'GET',
    path: poolPath(name),
    signal: options?.signal,
    schema: PrefectWorkPoolSchema,
    operation: 'get work pool',
  });
  return mapWorkPool(pool, await poolDetails(ctx, name, options));
}

/** POST /work_queues/filter: every queue of every pool, with its pool name and slot usage. */
export async function readAllQueues(ctx: PrefectContext, options?: CallOptions) {
  return ctx.http.request({
    method: 'POST',
    path: 'work_queues/filter',
    body: { limit: 200 },
    idempotent: true,
    signal: options?.signal,
    schema: z.array(PrefectWorkQueueSchema.extend({ work_pool_name: z.string().nullish() })),
    operation: 'list work queues',
  });
}
