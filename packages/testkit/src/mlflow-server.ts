import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
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
        ...(opts.basicAuth ? ['--app-name', 'basic-auth'] : []),
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
        ...(opts.basicAuth
          ? {
              MLFLOW_AUTH_CONFIG_PATH: writeAuthConfig(dir, opts.basicAuth),
              // The auth app refuses to start without a static key for its CSRF protection.
              MLFLOW_FLASK_SERVER_SECRET_KEY: randomBytes(24).toString('hex'),
            }
          : {}),
        ...opts.env,
      }),
    }),
  });
}

/** Writes the basic-auth app's config (user store in the server's temp dir) and returns its path. */
function writeAuthConfig(dir: string, admin: { username: string; password: string }): string {
  const path = join(dir, 'basic_auth.ini');
  writeFileSync(
    path,
    [
      '[mlflow]',
      'default_permission = READ',
      `database_uri = sqlite:///${join(dir, 'basic_auth.db')}`,
      `admin_username = ${admin.username}`,
      `admin_password = ${admin.password}`,
      'authorization_function = mlflow.server.auth:authenticate_request_basic_auth',
      '',
    ].join('\n'),
  );
  return path;
}
