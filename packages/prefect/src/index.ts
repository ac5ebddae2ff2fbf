export * from './auth-headers.js';
export { type PrefectProfile, prefectProfilesPath, readActivePrefectProfile } from './profiles.js';
export * from './settings.js';
