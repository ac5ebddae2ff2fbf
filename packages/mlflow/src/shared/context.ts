import { type CallOptions, HttpClient, type HttpClientOptions, type Logger } from '@mlops-mcp/core';
import type { Dispatcher } from 'undici';
import { mapMlflowError } from './errors.js';
import type { MlflowSettings } from './settings.js';

/** MLflow's REST prefix for the 2.0 API (paths are relative to the tracking URI). */
export const MLFLOW_API = 'api/2.0/mlflow';
/** MLflow's REST prefix for the 3.0 API (scorers, evaluation datasets, optimization jobs). */
export const MLFLOW_API_V3 = 'api/3.0/mlflow';

export interface MlflowAdapterOptions {
  dispatcher?: Dispatcher;
  logger?: Logger;
  timeouts?: HttpClientOptions['timeouts'];
  retry?: HttpClientOptions['retry'];
}

/** Read options the neutral interface does not have but MLflow users want. */
export interface MlflowReadOptions extends CallOptions {
  /** Keep `mlflow.*` system tags (dropped by default: they are noise for a model). */
  includeSystemTags?: boolean;
}

/**
 * What every area function (`runs/`, `registry/`, `traces/`...) takes as its first argument:
 * the one request helper of this backend, the tracking server's address for links, and the
 * server version. The adapter is one (it extends this), so tools pass it as is; area code never
 * imports the adapter, which keeps the import graph free of loops.
 */
export interface MlflowContext {
  /** Keep-alive HTTP client (retries reads, maps MLflow errors, redacts secrets). */
  readonly http: HttpClient;
  /** The tracking server's address, for links in refs. */
  readonly baseUrl: string;
  /** MLflow server version from `GET /version`, fetched once and cached. */
  serverVersion(options?: CallOptions): Promise<string>;
}

/** Creates the request context for one MLflow tracking server. */
export function createMlflowContext(
  settings: MlflowSettings,
  options: MlflowAdapterOptions = {},
): MlflowContext {
  const headers: Record<string, string> = {};
  if (settings.token) {
    headers.authorization = `Bearer ${settings.token}`;
  } else if (settings.username && settings.password) {
    headers.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
  }
  const http = new HttpClient({
    backend: 'mlflow',
    baseUrl: settings.trackingUri,
    urlSetting: 'MLFLOW_TRACKING_URI',
    headers,
    mapError: mapMlflowError,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  let versionPromise: Promise<string> | undefined;
  return {
    http,
    baseUrl: http.baseUrl,
    serverVersion(opts) {
      versionPromise ??= http
        .requestText({
          method: 'GET',
          path: 'version',
          signal: opts?.signal,
          operation: 'get version',
        })
        .then((text) => text.trim())
        .catch((error: unknown) => {
          versionPromise = undefined;
          throw error;
        });
      return versionPromise;
    },
  };
}
