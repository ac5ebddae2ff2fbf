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
export { createMlflowRegistry } from './registry-capability.js';
export { parseRunId } from './run-id.js';
export { type MlflowSettings, MlflowSettingsSchema, mlflowSettingsFromEnv } from './settings.js';
export { mlflowTools } from './tools/index.js';
export { createMlflowTracing } from './trace-capability.js';
export { parseAssessmentId, parseTraceId } from './trace-id.js';
