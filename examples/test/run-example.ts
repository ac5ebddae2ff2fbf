import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const EXAMPLES_DIR = fileURLToPath(new URL('..', import.meta.url));

/** What a finished example printed. */
export interface ExampleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an example as a user would (`tsx <file>`), to completion. Workspace packages resolve to
 * their TypeScript source, as in every other test here, so no stale `dist/` is exercised.
 */
export async function runExample(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<ExampleRun> {
  const child = spawn(
    process.execPath,
    ['--conditions=@mlops-mcp/source', '--import', 'tsx', file, ...args],
    {
      cwd: EXAMPLES_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
