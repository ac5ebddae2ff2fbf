import {
  type BackendAdapter,
  type BackendId,
  type CapabilityName,
  DEFAULT_TIMEOUTS,
  type HttpTimeouts,
  type Logger,
} from '@mlops-mcp/core';
import { type MlflowSettings, mlflowSettingsFromEnv } from '@mlops-mcp/mlflow';
import { type PrefectSettings, prefectSettingsFromEnv } from '@mlops-mcp/prefect';
import { type WandbSettings, wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import type { Dispatcher } from 'undici';
import type { GatewayConfig } from '../config/gateway-config.js';

/** Shared dependencies handed to every adapter factory. */
export interface AdapterDeps {
  logger: Logger;
  dispatcher?: Dispatcher | undefined;
  /** HTTP timeouts of every backend call (see `backendTimeouts`); core's defaults when absent. */
  timeouts?: HttpTimeouts | undefined;
}

/**
 * The HTTP timeouts for the gateway's backend deadline (`backendTimeoutMs`): the deadline is the
 * whole call, retries included, and no per-attempt limit (connect, headers, body idle) is longer.
 * The client's deadline abort would cut such a wait anyway; capping keeps the settings coherent.
 */
export function backendTimeouts(config: Pick<GatewayConfig, 'backendTimeoutMs'>): HttpTimeouts {
  const totalMs = config.backendTimeoutMs;
  return {
    connectMs: Math.min(DEFAULT_TIMEOUTS.connectMs, totalMs),
    headersMs: Math.min(DEFAULT_TIMEOUTS.headersMs, totalMs),
    bodyMs: Math.min(DEFAULT_TIMEOUTS.bodyMs, totalMs),
    totalMs,
  };
}

/** Builds a backend's adapter from its settings. */
export type AdapterFactory<Settings = unknown> = (
  settings: Settings,
  deps: AdapterDeps,
) => BackendAdapter;

/**
 * What the gateway knows about one backend, whether or not it is enabled, without loading its
 * package's adapter or tools (see `catalog.ts` for the entries with both loaded).
 */
export interface BackendInfo<Settings = unknown> {
  namespace: BackendId;
  /** Human name for messages, e.g. "W&B". */
  label: string;
  /**
   * The capability interfaces its adapter implements (checked against a created adapter in
   * catalog.test.ts), for backends that have no adapter yet: per-request ones.
   */
  capabilities: readonly CapabilityName[];
  /** The variable (and per-request header) that turns it on. */
  enableEnv: string;
  /** The backend's settings in a resolved config, when it is configured there. */
  configured(config: GatewayConfig): Settings | undefined;
  /**
   * Reads settings from variables derived from one request's headers (the same parsing path as
   * the environment, minus any fallback to files on the gateway host).
   */
  fromHeaderEnv(env: NodeJS.ProcessEnv): Settings | undefined;
  /** The variable holding the backend URL, and the URL of given settings. */
  urlEnv: string;
  url(settings: Settings): string;
  /**
   * Request headers (lower case) accepted for per-request credentials on the HTTP transport,
   * each mapped to the environment variable it stands for.
   */
  headerEnv: Readonly<Record<string, string>>;
  /** Imports the adapter's module (its package's areas, not its tools) on first use. */
  loadAdapter(): Promise<AdapterFactory<Settings>>;
}

function entry<Settings>(backend: BackendInfo<Settings>): BackendInfo {
  return backend as BackendInfo;
}

/** The options every adapter factory of a backend package takes, from the gateway's deps. */
export const withDeps = (deps: AdapterDeps) => ({
  logger: deps.logger,
  ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
  ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
});

/** The backends this build ships, in tools/list order. */
export const BACKEND_INFO: readonly BackendInfo[] = [
  entry<MlflowSettings>({
    namespace: 'mlflow',
    label: 'MLflow',
    capabilities: ['tracking', 'tracing', 'registry'],
    enableEnv: 'MLFLOW_TRACKING_URI',
    configured: (config) => config.mlflow,
    fromHeaderEnv: mlflowSettingsFromEnv,
    urlEnv: 'MLFLOW_TRACKING_URI',
    url: (settings) => settings.trackingUri,
    headerEnv: {
      'x-mlflow-tracking-uri': 'MLFLOW_TRACKING_URI',
      'x-mlflow-tracking-token': 'MLFLOW_TRACKING_TOKEN',
      'x-mlflow-tracking-username': 'MLFLOW_TRACKING_USERNAME',
      'x-mlflow-tracking-password': 'MLFLOW_TRACKING_PASSWORD',
    },
    loadAdapter: async () => {
      const { createMlflowAdapter } = await import('../load/mlflow-adapter.js');
      return (settings, deps) => createMlflowAdapter(settings, withDeps(deps));
    },
  }),
  entry<WandbSettings>({
    namespace: 'wandb',
    label: 'W&B',
    capabilities: ['tracking', 'tracing', 'registry'],
    enableEnv: 'WANDB_API_KEY',
    configured: (config) => config.wandb,
    fromHeaderEnv: (env) => wandbSettingsFromEnv(env, { useNetrc: false }),
    urlEnv: 'WANDB_BASE_URL',
    url: (settings) => settings.baseUrl,
    headerEnv: {
      'x-wandb-base-url': 'WANDB_BASE_URL',
      'x-wandb-api-key': 'WANDB_API_KEY',
      'x-wandb-entity': 'WANDB_ENTITY',
      'x-wandb-project': 'WANDB_PROJECT',
    },
    loadAdapter: async () => {
      const { createWandbAdapter } = await import('../load/wandb-adapter.js');
      return (settings, deps) => createWandbAdapter(settings, withDeps(deps));
    },
  }),
  entry<PrefectSettings>({
    namespace: 'prefect',
    label: 'Prefect',
    capabilities: ['orchestration'],
    enableEnv: 'PREFECT_API_URL',
    configured: (config) => config.prefect,
    fromHeaderEnv: (env) => prefectSettingsFromEnv(env, { useProfile: false }),
    urlEnv: 'PREFECT_API_URL',
    url: (settings) => settings.apiUrl,
    headerEnv: {
      'x-prefect-api-url': 'PREFECT_API_URL',
      'x-prefect-api-key': 'PREFECT_API_KEY',
      'x-prefect-api-auth-string': 'PREFECT_API_AUTH_STRING',
    },
    loadAdapter: async () => {
      const { createPrefectAdapter } = await import('../load/prefect-adapter.js');
      return (settings, deps) => createPrefectAdapter(settings, withDeps(deps));
    },
  }),
];
