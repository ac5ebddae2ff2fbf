import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built gateway CLI (apps/server/dist/cli/main.js), exactly as users run it. */
export const GATEWAY_BIN = join(
  dirname(fileURLToPath(import.meta.resolve('@mlops-mcp/server'))),
  'cli',
  'main.js',
);

/** The bearer token the benchmark's HTTP gateways require. */
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

/** What a user's MCP client would pass the gateway: PATH, HOME and the backend settings. */
export function gatewayEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra };
}

/** A gateway process serving HTTP. */
export interface HttpGateway {
  pid: number;
  /** The MCP endpoint, `http://127.0.0.1:<port>/mcp`. */
  mcpUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the built gateway over HTTP on a free port (`--port 0` is not offered, so the port is
 * read back from the "listening" log line) and resolves once it listens. Its stderr is drained
 * continuously: the default `info` level logs every tool call, and a full pipe would stall it.
 * `nodeArgs` go to Node itself (e.g. `--cpu-prof`); `bin` picks another build of the CLI (e.g. a
 * baseline to compare with).
 */
export async function startHttpGateway(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  bin: string = GATEWAY_BIN,
): Promise<HttpGateway> {
  const child = spawn(process.execPath, [...nodeArgs, bin, '--http', '--port', '0'], {
    env: gatewayEnv({ MLOPS_MCP_HTTP_TOKEN: BENCH_TOKEN, ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let head = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      head += chunk.toString('utf8');
      const match = /"url":"(http:[^"]+\/mcp)"/.exec(head);
      if (match && head.includes('"msg":"listening"')) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve(match[1]!);
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${head}`)));
  });
  return { pid: child.pid!, mcpUrl: url, stop: () => stopChild(child) };
}

/** Sends SIGTERM and waits for the process to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
