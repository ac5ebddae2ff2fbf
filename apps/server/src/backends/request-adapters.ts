import type { BackendAdapter } from '@mlops-mcp/core';
import type { GatewayConfig } from '../config/gateway-config.js';
import { type AdapterDeps, BACKENDS } from './catalog.js';

/** Header lookup as both node:http and fetch Headers provide it. */
export interface HeaderSource {
  get(name: string): string | null | undefined;
}

/**
 * Builds adapters from one request's backend headers (opt-in, for shared deployments). They are
 * made per request and never cached, so credentials cannot cross between concurrent requests.
 * A request that names its own backend URL gets only the credentials it sent: the gateway's
 * configured credentials are never sent to a URL chosen by a client.
 */
export function requestAdapters(
  headers: HeaderSource,
  config: GatewayConfig,
  deps: AdapterDeps,
): Map<string, BackendAdapter> {
  const adapters = new Map<string, BackendAdapter>();
  for (const backend of BACKENDS) {
    const fromHeaders: Record<string, string> = {};
    for (const [header, variable] of Object.entries(backend.headerEnv)) {
      const value = headers.get(header)?.trim();
      if (value) fromHeaders[variable] = value;
    }
    if (Object.keys(fromHeaders).length === 0) continue;
    const base = backend.configured(config);
    const env = { ...fromHeaders };
    if (!env[backend.urlEnv] && base !== undefined) env[backend.urlEnv] = backend.url(base);
    const settings = backend.fromHeaderEnv(env);
    if (settings !== undefined) adapters.set(backend.namespace, backend.create(settings, deps));
  }
  return adapters;
}
