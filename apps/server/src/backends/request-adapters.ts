import { type BackendAdapter, InvalidInputError, MlopsError } from '@mlops-mcp/core';
import type { GatewayConfig } from '../config/gateway-config.js';
import { isAllowedHost, urlHostPort } from './backend-hosts.js';
import {
  type AdapterDeps,
  type AdapterFactory,
  BACKEND_INFO,
  type BackendInfo,
} from './backend-info.js';

/** Header lookup as both node:http and fetch Headers provide it. */
export interface HeaderSource {
  get(name: string): string | null | undefined;
}

/**
 * A request's backend header the gateway will not act on: a URL that is not http(s) (400) or
 * names a host outside MLOPS_MCP_HTTP_BACKEND_HOSTS (403), or a value the backend's settings
 * loader refuses (400). Names the header, never its value.
 */
export class BackendHeaderError extends InvalidInputError {
  constructor(
    message: string,
    readonly httpStatus: 400 | 403,
    readonly header: string,
    hint: string,
  ) {
    super(message, { hint, field: header });
    this.name = 'BackendHeaderError';
  }
}

/** A header as documented: `x-mlflow-tracking-uri` → `X-MLflow-Tracking-Uri`. */
export function headerName(lower: string): string {
  return lower
    .split('-')
    .map((part) => (part === 'mlflow' ? 'MLflow' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-');
}

/** Checks a backend URL a request named: http(s), and a host the operator allows. */
function checkRequestedUrl(value: string, header: string, allowed: readonly string[]): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
    throw new BackendHeaderError(
      `${header} must be an http(s) URL (got ${url && scheme ? `a "${scheme}:" URL` : 'a value that is not a URL'}).`,
      400,
      header,
      `Send the backend's http(s) base URL in ${header}, or leave the header out to use the gateway's configured backend.`,
    );
  }
  if (!isAllowedHost(url, allowed)) {
    const { host, port } = urlHostPort(url);
    throw new BackendHeaderError(
      allowed.length === 0
        ? `${header} names a backend URL, and this gateway accepts none from requests (MLOPS_MCP_HTTP_BACKEND_HOSTS is empty).`
        : `${header} names ${host}:${port}, which is not in MLOPS_MCP_HTTP_BACKEND_HOSTS.`,
      403,
      header,
      `Leave ${header} out to use the gateway's configured backend, or ask its operator to allow the host (MLOPS_MCP_HTTP_BACKEND_HOSTS / --backend-hosts).`,
    );
  }
}

/**
 * Settings from one request's backend headers, per backend that got any. Throws
 * BackendHeaderError for a header the gateway will not act on. The HTTP transport calls it
 * before serving a request (to answer 400/403 rather than a failed server factory); building
 * the request's adapters calls it again, so a direct `createServer(headers)` is checked too.
 */
export function requestSettings(
  headers: HeaderSource,
  config: GatewayConfig,
): Map<BackendInfo, unknown> {
  const settingsByBackend = new Map<BackendInfo, unknown>();
  for (const backend of BACKEND_INFO) {
    const fromHeaders: Record<string, string> = {};
    const headerOf: Record<string, string> = {};
    for (const [header, variable] of Object.entries(backend.headerEnv)) {
      const value = headers.get(header)?.trim();
      headerOf[variable] = headerName(header);
      if (value) fromHeaders[variable] = value;
    }
    if (Object.keys(fromHeaders).length === 0) continue;
    const requestedUrl = fromHeaders[backend.urlEnv];
    if (requestedUrl !== undefined) {
      checkRequestedUrl(requestedUrl, headerOf[backend.urlEnv]!, config.http.backendHosts);
    }
    const base = backend.configured(config);
    const env = { ...fromHeaders };
    if (!env[backend.urlEnv] && base !== undefined) env[backend.urlEnv] = backend.url(base);
    let settings: unknown;
    try {
      settings = backend.fromHeaderEnv(env);
    } catch (error) {
      if (!MlopsError.isInstance(error) || error.kind !== 'config') throw error;
      // The loader names the variable a header stands for: name the header instead.
      let message = error.message;
      for (const [variable, header] of Object.entries(headerOf)) {
        message = message.split(variable).join(header);
      }
      const header =
        Object.entries(headerOf).find(([variable]) => error.message.includes(variable))?.[1] ??
        headerOf[backend.urlEnv]!;
      throw new BackendHeaderError(
        message,
        400,
        header,
        `Fix or leave out ${header}; the other backend headers are documented in the README.`,
      );
    }
    if (settings !== undefined) settingsByBackend.set(backend, settings);
  }
  return settingsByBackend;
}

/**
 * Builds adapters from one request's backend headers (opt-in, for shared deployments). They are
 * made per request and never cached, so credentials cannot cross between concurrent requests.
 * A request that names its own backend URL gets only the credentials it sent: the gateway's
 * configured credentials are never sent to a URL chosen by a client, and the URL must name a
 * host in MLOPS_MCP_HTTP_BACKEND_HOSTS. `factories` holds the adapter factory of every backend
 * allowed per request (`perRequestBackends`); a backend without one gets no adapter.
 */
export function requestAdapters(
  headers: HeaderSource,
  config: GatewayConfig,
  deps: AdapterDeps,
  factories: ReadonlyMap<string, AdapterFactory>,
): Map<string, BackendAdapter> {
  const adapters = new Map<string, BackendAdapter>();
  for (const [backend, settings] of requestSettings(headers, config)) {
    const create = factories.get(backend.namespace);
    if (create) adapters.set(backend.namespace, create(settings, deps));
  }
  return adapters;
}
