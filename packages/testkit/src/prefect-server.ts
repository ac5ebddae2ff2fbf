import { join } from 'node:path';
import { launchServer } from './launch-server.js';
import { pythonEnv } from './python-env.js';
import type { RunningServer, StartServerOptions } from './running-server.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** Start a throwaway Prefect server on 127.0.0.1 (SQLite, no UI) and wait for /api/health. */
export async function startPrefect(opts: StartServerOptions = {}): Promise<RunningServer> {
  const py = await pythonEnv();
  return launchServer({
    name: 'prefect',
    port: opts.port,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    url: (port) => `http://127.0.0.1:${port}/api`,
    healthUrl: (port) => `http://127.0.0.1:${port}/api/health`,
    command: (dir, port) => {
      const db = `sqlite+aiosqlite:///${join(dir, 'prefect.db')}`;
      return {
        cmd: py.bin('prefect'),
        args: ['server', 'start', '--host', '127.0.0.1', '--port', String(port)],
        // Drop inherited PREFECT_* settings (an API URL or profile pointing at Cloud, say).
        env: childEnv(['PREFECT_'], {
          ...OFFLINE_PYTHON_ENV,
          PREFECT_HOME: dir,
          PREFECT_PROFILES_PATH: join(dir, 'profiles.toml'),
          PREFECT_SERVER_DATABASE_CONNECTION_URL: db,
          PREFECT_API_DATABASE_CONNECTION_URL: db,
          PREFECT_SERVER_ANALYTICS_ENABLED: 'false',
          PREFECT_SERVER_UI_ENABLED: 'false',
          PREFECT_UI_ENABLED: 'false',
          ...opts.env,
        }),
      };
    },
  });
}
