export { isSystemTag } from './key-values.js';
export { mapRun } from './map-run.js';
export { mapRunStatus } from './map-run-status.js';
export {
  createMlflowAdapter,
  MLFLOW_MAX_RESULTS,
  type MlflowAdapter,
  type MlflowAdapterOptions,
  type MlflowReadOptions,
} from './mlflow-adapter.js';
export { parseRunId } from './run-id.js';
export { type MlflowSettings, MlflowSettingsSchema, mlflowSettingsFromEnv } from './settings.js';
export { mlflowTools } from './tools/index.js';
