import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The built CLI, as users run it (turbo builds it before tests). */
export const BIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

/** The minimal environment a real MCP client would pass, plus the given variables. */
export function gatewayEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    MLOPS_MCP_LOG_LEVEL: 'info',
    ...extra,
  };
}

export interface SpawnedGateway {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts the gateway over HTTP and resolves once it logged "listening" (read from its stderr
 * as it arrives: no polling, no sleeps).
 */
export async function spawnHttpGateway(
  args: string[],
  env: Record<string, string>,
): Promise<SpawnedGateway> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('"msg":"listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${stderr}`)));
  });
  await ready;
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Runs the binary to completion and returns its exit code and output. */
export async function runBinary(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
