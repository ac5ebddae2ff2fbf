export {
  createPrefectAdapter,
  type PrefectAdapter,
  type PrefectAdapterOptions,
} from './prefect-adapter.js';
export type { PrefectOverview } from './server/overview-api.js';
export type { PrefectServerInfo } from './server/server-info-api.js';
export * from './shared/auth-headers.js';
export { parseDeploymentSelector, parsePrefectId } from './shared/ids.js';
export { mapStateType, stateTypesFor } from './shared/map-state-type.js';
export { mapPrefectError } from './shared/prefect-errors.js';
export { PrefectRunFilterSchema } from './shared/prefect-filters.js';
export {
  type PrefectProfile,
  prefectProfilesPath,
  readActivePrefectProfile,
} from './shared/profiles.js';
export * from './shared/settings.js';
export { prefectTools } from './tools.js';
