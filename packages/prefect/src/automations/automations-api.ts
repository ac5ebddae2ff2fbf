import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { PrefectAutomationSchema } from '../shared/prefect-api-types.js';
import { mapAutomation, type PrefectAutomationView } from './automation.js';

/** Automations: list and read. */

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
