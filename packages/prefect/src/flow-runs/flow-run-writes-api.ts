import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';
import { FINAL_STATE_TYPES } from '../shared/map-state-type.js';
import {
  PrefectFlowRunSchema,
  PrefectOrchestrationResultSchema,
} from '../shared/prefect-api-types.js';
import { mapFlowRun, type PrefectFlowRunView } from './flow-run.js';
import { getFlowRun } from './flow-runs-api.js';

/** Flow run writes (create from a deployment, cancel): sent once, never retried. */

export interface CreateFlowRunParams {
  deploymentId: string;
  parameters?: Record<string, unknown> | undefined;
  tags?: string[] | undefined;
  /** ISO 8601; omitted = as soon as a worker picks it up. */
  scheduledStart?: string | undefined;
  name?: string | undefined;
  /** Makes a retried call return the first run instead of creating a second one. */
  idempotencyKey?: string | undefined;
}

/** POST /deployments/{id}/create_flow_run; sent once (writes are never retried). */
export async function createFlowRun(
  ctx: PrefectContext,
  params: CreateFlowRunParams,
  options?: CallOptions,
): Promise<PrefectFlowRunView> {
  const raw = await ctx.http.request({
    method: 'POST',
    path: `deployments/${encodeURIComponent(params.deploymentId)}/create_flow_run`,
    body: {
      ...(params.parameters ? { parameters: params.parameters } : {}),
      ...(params.tags?.length ? { tags: params.tags } : {}),
      ...(params.name ? { name: params.name } : {}),
      ...(params.idempotencyKey ? { idempotency_key: params.idempotencyKey } : {}),
      ...(params.scheduledStart
        ? { state: { type: 'SCHEDULED', state_details: { scheduled_time: params.scheduledStart } } }
        : {}),
    },
    signal: options?.signal,
    schema: PrefectFlowRunSchema,
    operation: 'create flow run from deployment',
  });
  return mapFlowRun(raw, ctx.uiBase);
}

export const CancelOutcomeSchema = z.enum([
  'cancelling',
  'cancelled',
  'already_cancelled',
  'already_final',
  'refused',
]);

export interface CancelResult {
  outcome: z.infer<typeof CancelOutcomeSchema>;
  /** What Prefect's orchestration answered: ACCEPT, REJECT, ABORT or WAIT. */
  orchestration: string;
  reason?: string | undefined;
  run: PrefectFlowRunView;
}

/**
 * Asks Prefect to cancel a run by proposing CANCELLING through set_state with orchestration rules
 * on (not forced), as the UI and CLI do, then reads the run back. Prefect may answer ABORT (the run
 * is already final), or move a run no worker holds straight to CANCELLED; each is reported as it is.
 */
export async function cancelFlowRun(
  ctx: PrefectContext,
  id: string,
  message: string,
  options?: CallOptions,
): Promise<CancelResult> {
  const before = await getFlowRun(ctx, id, options);
  if (before.rawStatus === 'CANCELLED') {
    return { outcome: 'already_cancelled', orchestration: 'NONE', run: before };
  }
  if (before.rawStatus === 'CANCELLING') {
    return {
      outcome: 'cancelling',
      orchestration: 'NONE',
      reason: 'Cancellation was already requested.',
      run: before,
    };
  }
  if (FINAL_STATE_TYPES.includes(before.rawStatus)) {
    return {
      outcome: 'already_final',
      orchestration: 'NONE',
      reason: `The run already ended ${before.rawStatus}; there is nothing to cancel.`,
      run: before,
    };
  }
  const result = await ctx.http.request({
    method: 'POST',
    path: `flow_runs/${encodeURIComponent(id)}/set_state`,
    body: { state: { type: 'CANCELLING', message }, force: false },
    signal: options?.signal,
    schema: PrefectOrchestrationResultSchema,
    operation: 'cancel flow run',
  });
  const run = await getFlowRun(ctx, id, options);
  const reason = result.details?.reason;
  if (run.rawStatus === 'CANCELLING')
    return { outcome: 'cancelling', orchestration: result.status, reason, run };
  if (run.rawStatus === 'CANCELLED')
    return { outcome: 'cancelled', orchestration: result.status, reason, run };
  if (FINAL_STATE_TYPES.includes(run.rawStatus)) {
    return { outcome: 'already_final', orchestration: result.status, reason, run };
  }
  return { outcome: 'refused', orchestration: result.status, reason, run };
}
