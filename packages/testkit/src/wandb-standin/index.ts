export { STANDIN_ENTITY, STANDIN_FIXED_RUNS, STANDIN_ORGANIZATION } from './generate-data.js';
export { WANDB_STANDIN_SCHEMA_PATH, wandbStandinSchemaSdl } from './schema-sdl.js';
export { startWandbStandin, type WandbStandin } from './standin-server.js';
