export * from './auth-header.js';
export { WANDB_GRAPHQL_DOCUMENTS } from './graphql/documents/index.js';
export { WandbGraphqlClient } from './graphql/graphql-client.js';
export type { GraphqlDocument } from './graphql/graphql-document.js';
export { toNeutralRun } from './map-neutral-run.js';
export { mapRunState } from './map-run-state.js';
export type { WandbArtifact, WandbArtifactDetail } from './model/wandb-artifact.js';
export type { WandbProject } from './model/wandb-project.js';
export type { WandbRun } from './model/wandb-run.js';
export { validateRunFilters, WANDB_FILTER_OPERATORS } from './run-filters.js';
export { parseRunPath, type RunPath } from './run-path.js';
export * from './settings.js';
export { wandbRunTools, wandbTools } from './tools/index.js';
export * from './trace-server-url.js';
export {
  createWandbAdapter,
  type WandbAdapter,
  type WandbAdapterOptions,
} from './wandb-adapter.js';
export * from './weave/index.js';
