import type { AnyToolDefinition, BackendAdapter, Logger } from '@mlops-mcp/core';
import { createMlflowAdapter, mlflowTools } from '@mlops-mcp/mlflow';
import type { Dispatcher } from 'undici';
import type { GatewayConfig } from '../config/gateway-config.js';

/** Shared dependencies handed to every adapter factory. */
export interface AdapterDeps {
  logger: Logger;
  dispatcher?: Dispatcher | undefined;
}

/** What the gateway knows about one backend, whether or not it is enabled. */
export interface BackendEntry {
  namespace: 'mlflow' | 'wandb' | 'prefect';
  /** Every tool of this backend; static, so names can be validated without credentials. */
  tools: readonly AnyToolDefinition[];
  /** Creates the adapter when the backend is enabled in `config`, else returns undefined. */
  create(config: GatewayConfig, deps: AdapterDeps): BackendAdapter | undefined;
}

/** The backends this build ships, in tools/list order. */
export const BACKENDS: readonly BackendEntry[] = [
  {
    namespace: 'mlflow',
    tools: mlflowTools,
    create: (config, deps) =>
      config.mlflow
        ? createMlflowAdapter(config.mlflow, {
            logger: deps.logger,
            ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
          })
        : undefined,
  },
];
