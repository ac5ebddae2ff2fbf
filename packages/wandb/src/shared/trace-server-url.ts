import { requireHttpUrl } from '@mlops-mcp/core';

/** The W&B public (multi-tenant) cloud API; also wandb's default WANDB_BASE_URL. */
export const WANDB_CLOUD_BASE_URL = 'https://api.wandb.ai';

/** Where the public cloud's Weave trace server lives. */
export const WANDB_CLOUD_TRACE_SERVER_URL = 'https://trace.wandb.ai';

/**
 * Weave's trace server URL for a W&B base URL, as Weave derives it (wandb/weave:
 * weave/trace/env.py, `weave_trace_server_url`, identical in weave 0.52.42 pinned in
 * python/requirements.lock): WF_TRACE_SERVER_URL if set; else https://trace.wandb.ai for the
 * public cloud; else `<baseUrl>/traces`, where dedicated and self-managed servers mount it.
 */
export function weaveTraceServerUrl(baseUrl: string, env: NodeJS.ProcessEnv): string {
  const explicit = env.WF_TRACE_SERVER_URL?.trim();
  if (explicit) {
    return requireHttpUrl(explicit, 'WF_TRACE_SERVER_URL', WANDB_CLOUD_TRACE_SERVER_URL);
  }
  return baseUrl === WANDB_CLOUD_BASE_URL ? WANDB_CLOUD_TRACE_SERVER_URL : `${baseUrl}/traces`;
}
