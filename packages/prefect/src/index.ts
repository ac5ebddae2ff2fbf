export type { PrefectOverview } from './api/overview.js';
export type { PrefectServerInfo } from './api/server-info.js';
export * from './auth-headers.js';
export { parseDeploymentSelector, parsePrefectId } from './ids.js';
export { mapStateType, stateTypesFor } from './map-state-type.js';
export {
  createPrefectAdapter,
  type PrefectAdapter,
  type PrefectAdapterOptions,
} from './prefect-adapter.js';
export { mapPrefectError } from './prefect-errors.js';
export { PrefectRunFilterSchema } from './prefect-filters.js';
export { type PrefectProfile, prefectProfilesPath, readActivePrefectProfile } from './profiles.js';
export * from './settings.js';
export { prefectTools } from './tools/index.js';
