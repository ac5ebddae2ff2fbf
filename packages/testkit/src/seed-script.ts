import { basename, join } from 'node:path';
import { packageRoot } from './paths.js';
import { pythonEnv } from './python-env.js';
import { runCapture } from './run-capture.js';

/**
 * Runs one of this package's python/ scripts with the backends' virtualenv and returns the JSON
 * manifest it prints as its last stdout line, checked by `check`. A missing or invalid manifest
 * fails with the script's name, the reason and the tail of its stderr.
 */
export async function runSeedScript<T>(
  script: string,
  options: {
    args?: string[];
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    check: (manifest: unknown) => T;
  },
): Promise<T> {
  const py = await pythonEnv();
  const path = join(packageRoot, 'python', script);
  const { stdout, stderr } = await runCapture(
    py.bin('python'),
    [path, ...(options.args ?? [])],
    options.env,
    options.timeoutMs,
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return options.check(JSON.parse(line));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `testkit: ${basename(path)} printed no valid manifest (${reason})\n${stderr.slice(-4000)}`,
    );
  }
}
