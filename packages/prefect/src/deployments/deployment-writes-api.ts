import type { CallOptions } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';

/** Deployment writes (pause, resume): sent once, never retried. */

/** POST /deployments/{id}/pause_deployment or resume_deployment (Prefect 3 routes). */
export async function setDeploymentPaused(
  ctx: PrefectContext,
  deploymentId: string,
  paused: boolean,
  options?: CallOptions,
): Promise<void> {
  await ctx.http.request({
    method: 'POST',
    path: `deployments/${encodeURIComponent(deploymentId)}/${paused ? 'pause_deployment' : 'resume_deployment'}`,
    signal: options?.signal,
    schema: z.unknown(),
    operation: paused ? 'pause deployment' : 'resume deployment',
  });
}
