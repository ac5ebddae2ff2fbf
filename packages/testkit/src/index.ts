export { type AllBackends, startAllBackends } from './all-backends.js';
export { failure, issuePaths, rejection } from './failures.js';
export * from './fault-proxy/index.js';
export { freePort } from './free-port.js';
export { type MlflowAttachmentSeed, seedMlflowAttachments } from './mlflow-attachments.js';
export type { MlflowSeed, SeededModelVersion, SeededRun, SeededRunStatus } from './mlflow-seed.js';
export { seedMlflow } from './mlflow-seed.js';
export { startMlflow } from './mlflow-server.js';
export { type PrefectSeed, seedPrefect, startSeededPrefect } from './prefect-seed.js';
export { startPrefect } from './prefect-server.js';
export type { PythonEnv } from './python-env.js';
export { pinnedVersion, pythonEnv, pythonLockPath } from './python-env.js';
export { runCapture } from './run-capture.js';
export { runTool } from './run-tool.js';
export type { RunningServer, StartServerOptions } from './running-server.js';
export { startSeededMlflow } from './seeded-mlflow.js';
export { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';
export {
  backendsGlobalSetup,
  type ProvidingProject,
  runningBackends,
  TEST_BACKENDS_ENV,
} from './shared/global-setup.js';
export {
  type BackendName,
  type SharedBackends,
  type StartedBackends,
  startBackends,
} from './shared/start-backends.js';
export * from './wandb-standin/index.js';
export {
  OFFLINE_WEAVE_ENV,
  type RunningWeaveServer,
  type SeededWeaveObject,
  type SeededWeaveTrace,
  seedWeave,
  startSeededWeave,
  startWeaveServer,
  type WeaveSeed,
} from './weave-server.js';
