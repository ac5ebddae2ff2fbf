import type { AnyToolDefinition, BackendId } from '@mlops-mcp/core';
import { createMlflowAdapter, mlflowTools } from '@mlops-mcp/mlflow';
import { createPrefectAdapter, prefectTools } from '@mlops-mcp/prefect';
import { createWandbAdapter, wandbTools } from '@mlops-mcp/wandb';
import { type AdapterFactory, BACKEND_INFO, type BackendInfo, withDeps } from './backend-info.js';

export { type AdapterDeps, backendTimeouts } from './backend-info.js';

/**
 * A backend with its package loaded: its tools and its adapter factory at hand. The library's
 * `createGateway` and the tests use these; the CLI starts from `BACKEND_INFO` and the tool
 * manifest instead, and loads a package's adapter and tools only when it needs them.
 */
export interface BackendEntry<Settings = unknown> extends BackendInfo<Settings> {
  /** Every tool of this backend; static, so names can be validated without credentials. */
  tools: readonly AnyToolDefinition[];
  create: AdapterFactory<Settings>;
}

const LOADED: Record<BackendId, Pick<BackendEntry<never>, 'tools' | 'create'>> = {
  mlflow: { tools: mlflowTools, create: (s, deps) => createMlflowAdapter(s, withDeps(deps)) },
  wandb: { tools: wandbTools, create: (s, deps) => createWandbAdapter(s, withDeps(deps)) },
  prefect: { tools: prefectTools, create: (s, deps) => createPrefectAdapter(s, withDeps(deps)) },
};

/** The backends this build ships, in tools/list order, with their packages loaded. */
export const BACKENDS: readonly BackendEntry[] = BACKEND_INFO.map(
  (info) => ({ ...info, ...LOADED[info.namespace] }) as BackendEntry,
);
