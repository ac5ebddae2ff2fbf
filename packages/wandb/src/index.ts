export type { WandbArtifact, WandbArtifactDetail } from './artifacts/wandb-artifact.js';
export { WANDB_GRAPHQL_DOCUMENTS } from './graphql/documents/index.js';
export { WandbGraphqlClient } from './graphql/graphql-client.js';
export type { GraphqlDocument } from './graphql/graphql-document.js';
export type { WandbProject } from './projects/wandb-project.js';
export { toNeutralRun } from './runs/map-neutral-run.js';
export { mapRunState } from './runs/map-run-state.js';
export { validateRunFilters, WANDB_FILTER_OPERATORS } from './runs/run-filters.js';
export { parseRunPath, type RunPath } from './runs/run-path.js';
export type { WandbRun } from './runs/wandb-run.js';
export * from './shared/auth-header.js';
export * from './shared/settings.js';
export * from './shared/trace-server-url.js';
export { wandbRunTools, wandbTools } from './tools.js';
export {
  createWandbAdapter,
  type WandbAdapter,
  type WandbAdapterOptions,
} from './wandb-adapter.js';
export * from './weave/index.js';
