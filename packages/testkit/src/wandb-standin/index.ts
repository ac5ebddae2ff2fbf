export {
  STANDIN_ENTITY,
  STANDIN_FIXED_RUNS,
  STANDIN_ORGANIZATION,
  type StandinRunSpec,
} from './generate-data.js';
export { WANDB_STANDIN_SCHEMA_PATH, wandbStandinSchemaSdl } from './schema-sdl.js';
export {
  type StandinProjectSpec,
  startWandbStandin,
  type WandbStandin,
  type WandbStandinOptions,
} from './standin-server.js';
