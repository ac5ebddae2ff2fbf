export {
  createMlflowAdapter,
  MLFLOW_MAX_RESULTS,
  type MlflowAdapter,
  type MlflowAdapterOptions,
  type MlflowReadOptions,
} from './mlflow-adapter.js';
export { createMlflowRegistry } from './registry/registry-capability.js';
export { mapRun } from './runs/map-run.js';
export { mapRunStatus } from './runs/map-run-status.js';
export { parseRunId } from './runs/run-id.js';
export { isSystemTag } from './shared/key-values.js';
export {
  type MlflowSettings,
  MlflowSettingsSchema,
  mlflowSettingsFromEnv,
} from './shared/settings.js';
export { mlflowTools } from './tools.js';
export { createMlflowTracing } from './traces/trace-capability.js';
export { parseAssessmentId, parseTraceId } from './traces/trace-id.js';
