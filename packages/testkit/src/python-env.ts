import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { repoRoot } from './paths.js';

/** The cached virtualenv holding the pinned Python backends. */
export interface PythonEnv {
  /** Absolute path of the lock file the venv was built from. */
  lock: string;
  /** Absolute path of the virtualenv. */
  venv: string;
  /** Absolute path of an executable in the venv's bin/ directory, e.g. bin('mlflow'). */
  bin(name: string): string;
}

/**
 * The lock file the backends are installed from: MLOPS_MCP_PYTHON_LOCK (relative paths from the
 * repository root, as scripts/python-env.sh takes them), else python/requirements.lock (the
 * newest releases tested). python/requirements-oldest.lock holds the oldest supported ones.
 */
export function pythonLockPath(): string {
  const named = process.env.MLOPS_MCP_PYTHON_LOCK?.trim();
  if (!named) return join(repoRoot(), 'python', 'requirements.lock');
  return isAbsolute(named) ? named : join(repoRoot(), named);
}

/**
 * The version of a distribution pinned in the lock file in use (`name==version`), e.g.
 * pinnedVersion('mlflow') is the version the test servers report.
 */
export function pinnedVersion(distribution: string): string {
  const lock = pythonLockPath();
  const escaped = distribution.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = readFileSync(lock, 'utf8').match(new RegExp(`^${escaped}==(\\S+)`, 'im'));
  if (!match) throw new Error(`testkit: ${distribution} is not pinned in ${lock}`);
  return match[1]!;
}

let pending: Promise<PythonEnv> | undefined;

/** Create or reuse the backends' virtualenv via scripts/python-env.sh (once per process). */
export function pythonEnv(): Promise<PythonEnv> {
  pending ??= runPythonEnvScript(pythonLockPath()).catch((err: unknown) => {
    pending = undefined; // let a later call retry
    throw err;
  });
  return pending;
}

function runPythonEnvScript(lock: string): Promise<PythonEnv> {
  const script = join(repoRoot(), 'scripts', 'python-env.sh');
  return new Promise((resolve, reject) => {
    // Progress from the script goes straight to our stderr; stdout carries only the venv path.
    const child = spawn('bash', [script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MLOPS_MCP_PYTHON_LOCK: lock },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', (err) => reject(new Error(`testkit: cannot run ${script}: ${err.message}`)));
    child.on('close', (code, signal) => {
      const venv = stdout.trim().split('\n').pop()?.trim() ?? '';
      if (code !== 0 || !venv) {
        const why = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new Error(`testkit: ${script} failed (${why}); see its stderr above`));
        return;
      }
      resolve({ lock, venv, bin: (name: string) => join(venv, 'bin', name) });
    });
  });
}
