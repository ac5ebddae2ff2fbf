import { type CallOptions, MlopsError } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectContext } from '../shared/context.js';

/** What prefect_get_server_info reports. */
export const PrefectServerInfoSchema = z.object({
  apiUrl: z.string().describe('The Prefect API URL, without credentials'),
  uiUrl: z.string(),
  version: z.string().optional().describe('Server version from /admin/version'),
  healthy: z.boolean(),
  healthError: z.string().optional(),
  cloud: z.boolean().describe('True for a Prefect Cloud workspace'),
  auth: z.enum(['api-key', 'basic', 'none']).describe('What credentials the gateway sends'),
  serverRequiresAuth: z
    .boolean()
    .optional()
    .describe('Self-hosted: whether the server has an auth string set (server.api.auth_string)'),
  csrfProtection: z
    .enum(['enabled', 'disabled', 'unknown'])
    .describe(
      'Whether the server demands CSRF tokens on POST/PATCH/DELETE (handled automatically)',
    ),
  defaultLimit: z.number().optional().describe("The server's per-request limit cap"),
});
export type PrefectServerInfo = z.infer<typeof PrefectServerInfoSchema>;

const SettingsSchema = z.object({
  server: z
    .object({
      api: z
        .object({
          auth_string: z.unknown().optional(),
          csrf_protection_enabled: z.boolean().optional(),
          default_limit: z.number().optional(),
        })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
});

/**
 * Health, version and security posture. CSRF comes from /admin/settings (secret values there
 * are masked by Prefect), else from probing /csrf-token, which answers 422 "CSRF protection is
 * disabled." when it is off (prefect/server/api/csrf_token.py).
 */
export async function serverInfo(
  ctx: PrefectContext,
  base: { auth: PrefectServerInfo['auth']; uiUrl: string; version: () => Promise<string> },
  options?: CallOptions,
): Promise<PrefectServerInfo> {
  const info: PrefectServerInfo = {
    apiUrl: ctx.http.baseUrl,
    uiUrl: base.uiUrl,
    healthy: false,
    cloud: /\/accounts\/[^/]+\/workspaces\/[^/]+$/.test(new URL(ctx.http.baseUrl).pathname),
    auth: base.auth,
    csrfProtection: 'unknown',
  };
  const [health, version, settings] = await Promise.allSettled([
    ctx.http.request({
      method: 'GET',
      path: 'health',
      signal: options?.signal,
      schema: z.unknown(),
      operation: 'health check',
    }),
    base.version(),
    ctx.http.request({
      method: 'GET',
      path: 'admin/settings',
      signal: options?.signal,
      schema: SettingsSchema,
      operation: 'read server settings',
    }),
  ]);
  if (health.status === 'fulfilled') info.healthy = health.value === true;
  else info.healthError = describe(health.reason);
  if (version.status === 'fulfilled') info.version = version.value;
  if (settings.status === 'fulfilled') {
    const api = settings.value.server?.api;
    if (api?.csrf_protection_enabled !== undefined) {
      info.csrfProtection = api.csrf_protection_enabled ? 'enabled' : 'disabled';
    }
    if (api && 'auth_string' in api)
      info.serverRequiresAuth = api.auth_string !== null && api.auth_string !== undefined;
    if (api?.default_limit !== undefined) info.defaultLimit = api.default_limit;
  }
  if (info.csrfProtection === 'unknown' && !info.cloud)
    info.csrfProtection = await probeCsrf(ctx, options);
  return info;
}

async function probeCsrf(
  ctx: PrefectContext,
  options?: CallOptions,
): Promise<PrefectServerInfo['csrfProtection']> {
  try {
    await ctx.http.request({
      method: 'GET',
      path: 'csrf-token',
      query: { client: 'mlops-mcp-probe' },
      signal: options?.signal,
      schema: z.unknown(),
      operation: 'probe CSRF protection',
    });
    return 'enabled';
  } catch (error) {
    if (MlopsError.isInstance(error) && error.status === 422 && /disabled/i.test(error.message))
      return 'disabled';
    return 'unknown';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
