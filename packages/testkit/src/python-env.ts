import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** The cached virtualenv holding the pinned Python backends. */
export interface PythonEnv {
  /** Absolute path of the virtualenv. */
  venv: string;
  /** Absolute path of an executable in the venv's bin/ directory, e.g. bin('mlflow'). */
  bin(name: string): string;
}

let pending: Promise<PythonEnv> | undefined;

/** Create or reuse the backends' virtualenv via scripts/python-env.sh (once per process). */
export function pythonEnv(): Promise<PythonEnv> {
  pending ??= runPythonEnvScript().catch((err: unknown) => {
    pending = undefined; // let a later call retry
    throw err;
  });
  return pending;
}

function runPythonEnvScript(): Promise<PythonEnv> {
  const script = join(repoRoot(), 'scripts', 'python-env.sh');
  return new Promise((resolve, reject) => {
    // Progress from the script goes straight to our stderr; stdout carries only the venv path.
    const child = spawn('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'] });
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
      resolve({ venv, bin: (name: string) => join(venv, 'bin', name) });
    });
  });
}
