import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchServer } from './launch-server.js';
import { type PythonEnv, pythonEnv } from './python-env.js';
import type { RunningServer, StartServerOptions } from './running-server.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** Start a throwaway Prefect server on 127.0.0.1 (SQLite, no UI) and wait for /api/health. */
export async function startPrefect(opts: StartServerOptions = {}): Promise<RunningServer> {
  const py = await pythonEnv();
  const template = await migratedDatabase(py);
  return launchServer({
    name: 'prefect',
    port: opts.port,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    url: (port) => `http://127.0.0.1:${port}/api`,
    healthUrl: (port) => `http://127.0.0.1:${port}/api/health`,
    prepare: async (dir) => {
      if (template) await copyFile(template, join(dir, 'prefect.db'));
    },
    command: (dir, port) => ({
      cmd: py.bin('prefect'),
      args: ['server', 'start', '--host', '127.0.0.1', '--port', String(port)],
      env: prefectEnv(dir, opts.env),
    }),
  });
}

/** A Prefect process's environment, its state (home, profiles, SQLite database) under `dir`. */
function prefectEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const db = `sqlite+aiosqlite:///${join(dir, 'prefect.db')}`;
  // Drop inherited PREFECT_* settings (an API URL or profile pointing at Cloud, say).
  return childEnv(['PREFECT_'], {
    ...OFFLINE_PYTHON_ENV,
    PREFECT_HOME: dir,
    PREFECT_PROFILES_PATH: join(dir, 'profiles.toml'),
    PREFECT_SERVER_DATABASE_CONNECTION_URL: db,
    PREFECT_API_DATABASE_CONNECTION_URL: db,
    PREFECT_SERVER_ANALYTICS_ENABLED: 'false',
    PREFECT_SERVER_UI_ENABLED: 'false',
    PREFECT_UI_ENABLED: 'false',
    ...extra,
  });
}

const templates = new Map<string, Promise<string | undefined>>();

/**
 * An empty database with every Prefect migration applied, made once per virtualenv (beside it in
 * the cache, `<venv>.prefect.db`) with `prefect server database upgrade`, and copied into each new
 * server's directory: a server that starts on it skips the migrations, about half of its start
 * (~7 of ~13 s of CPU on these machines), and the test run starts ten or so. Undefined (each
 * server migrates its own database, as before) if the upgrade fails.
 */
function migratedDatabase(py: PythonEnv): Promise<string | undefined> {
  let pending = templates.get(py.venv);
  if (!pending) {
    pending = makeTemplate(py, `${py.venv}.prefect.db`);
    templates.set(py.venv, pending);
  }
  return pending;
}

async function makeTemplate(py: PythonEnv, path: string): Promise<string | undefined> {
  if (
    await stat(path).then(
      (s) => s.size > 0,
      () => false,
    )
  )
    return path;
  const dir = await mkdtemp(join(tmpdir(), 'mlops-mcp-prefect-template-'));
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(py.bin('prefect'), ['server', 'database', 'upgrade', '-y'], {
        cwd: dir,
        env: prefectEnv(dir),
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`exit code ${code}`);
    // Another process may be making the same file: each renames a whole copy into place.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await copyFile(join(dir, 'prefect.db'), partial);
    await rename(partial, path);
    return path;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      `testkit: no migrated Prefect database (${reason}); servers migrate their own\n`,
    );
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
