export { freePort } from './free-port.js';
export type { MlflowSeed, SeededModelVersion, SeededRun, SeededRunStatus } from './mlflow-seed.js';
export { seedMlflow } from './mlflow-seed.js';
export { startMlflow } from './mlflow-server.js';
export { startPrefect } from './prefect-server.js';
export type { PythonEnv } from './python-env.js';
export { pythonEnv } from './python-env.js';
export type { RunningServer, StartServerOptions } from './running-server.js';
export { startSeededMlflow } from './seeded-mlflow.js';
