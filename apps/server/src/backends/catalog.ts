import type { AnyToolDefinition, BackendAdapter, BackendId, Logger } from '@mlops-mcp/core';
import {
  createMlflowAdapter,
  type MlflowSettings,
  mlflowSettingsFromEnv,
  mlflowTools,
} from '@mlops-mcp/mlflow';
import type { Dispatcher } from 'undici';
import type { GatewayConfig } from '../config/gateway-config.js';

/** Shared dependencies handed to every adapter factory. */
export interface AdapterDeps {
  logger: Logger;
  dispatcher?: Dispatcher | undefined;
}

/** What the gateway knows about one backend, whether or not it is enabled. */
export interface BackendEntry<Settings = unknown> {
  namespace: BackendId;
  /** Every tool of this backend; static, so names can be validated without credentials. */
  tools: readonly AnyToolDefinition[];
  /** The backend's settings in a resolved config, when it is configured there. */
  configured(config: GatewayConfig): Settings | undefined;
  /** Reads settings from the backend's own environment variables (the one parsing path). */
  fromEnv(env: NodeJS.ProcessEnv): Settings | undefined;
  /** The variable holding the backend URL, and the URL of given settings. */
  urlEnv: string;
  url(settings: Settings): string;
  /**
   * Request headers (lower case) accepted for per-request credentials on the HTTP transport,
   * each mapped to the environment variable it stands for.
   */
  headerEnv: Readonly<Record<string, string>>;
  create(settings: Settings, deps: AdapterDeps): BackendAdapter;
}

function entry<Settings>(backend: BackendEntry<Settings>): BackendEntry {
  return backend as BackendEntry;
}

/** The backends this build ships, in tools/list order. */
export const BACKENDS: readonly BackendEntry[] = [
  entry<MlflowSettings>({
    namespace: 'mlflow',
    tools: mlflowTools,
    configured: (config) => config.mlflow,
    fromEnv: mlflowSettingsFromEnv,
    urlEnv: 'MLFLOW_TRACKING_URI',
    url: (settings) => settings.trackingUri,
    headerEnv: {
      'x-mlflow-tracking-uri': 'MLFLOW_TRACKING_URI',
      'x-mlflow-tracking-token': 'MLFLOW_TRACKING_TOKEN',
      'x-mlflow-tracking-username': 'MLFLOW_TRACKING_USERNAME',
      'x-mlflow-tracking-password': 'MLFLOW_TRACKING_PASSWORD',
    },
    create: (settings, deps) =>
      createMlflowAdapter(settings, {
        logger: deps.logger,
        ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
      }),
  }),
];
