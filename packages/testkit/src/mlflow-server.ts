import { join } from 'node:path';
import { launchServer } from './launch-server.js';
import { pythonEnv } from './python-env.js';
import type { RunningServer, StartServerOptions } from './running-server.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** Start a throwaway MLflow server on 127.0.0.1 (SQLite, proxied artifacts) and wait for /health. */
export async function startMlflow(opts: StartServerOptions = {}): Promise<RunningServer> {
  const py = await pythonEnv();
  return launchServer({
    name: 'mlflow',
    port: opts.port,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    url: (port) => `http://127.0.0.1:${port}`,
    healthUrl: (port) => `http://127.0.0.1:${port}/health`,
    command: (dir, port) => ({
      cmd: py.bin('mlflow'),
      args: [
        'server',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--backend-store-uri',
        `sqlite:///${join(dir, 'mlflow.db')}`,
        // Proxied artifacts: runs get mlflow-artifacts:/ URIs, clients upload over HTTP, and the
        // REST artifact endpoints (artifacts/list, /get-artifact) are served from this directory.
        '--serve-artifacts',
        '--artifacts-destination',
        join(dir, 'artifacts'),
        '--workers',
        '1',
      ],
      env: childEnv(['MLFLOW_'], {
        ...OFFLINE_PYTHON_ENV,
        MLFLOW_DISABLE_TELEMETRY: 'true',
        // The job runner spawns ~7 huey consumer processes; tests do not need server-side jobs.
        MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
        ...opts.env,
      }),
    }),
  });
}
