import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from '@mlops-mcp/testkit';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's run command, as a user runs it (set-up skipped: CI has just done it): real seeded
 * MLflow and Prefect, the gateway over HTTP, the client configuration printed. Stopped with
 * Ctrl-C (SIGINT to its process group), as a person would.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TOKEN = 'demo-e2e-token-20931';
let demo: ChildProcess;
let stderr = '';
let port: number;

beforeAll(async () => {
  port = await freePort();
  demo = spawn('bash', ['scripts/demo.sh'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      MLOPS_MCP_DEMO_SKIP_SETUP: '1',
      MLOPS_MCP_HTTP_PORT: String(port),
      MLOPS_MCP_HTTP_TOKEN: TOKEN,
    },
  });
  await new Promise<void>((resolve, reject) => {
    demo.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('"msg":"listening"')) resolve();
    });
    demo.once('exit', (code) =>
      reject(new Error(`demo exited with ${code}:\n${stderr.slice(-3000)}`)),
    );
  });
}, 300_000);

afterAll(async () => {
  if (demo && demo.exitCode === null) {
    process.kill(-demo.pid!, 'SIGINT');
    await once(demo, 'exit');
  }
});

describe('the demo', () => {
  it('prints the client configuration to paste', () => {
    expect(stderr).toContain(`claude mcp add --transport http mlops http://127.0.0.1:${port}/mcp`);
    expect(stderr).toMatch(
      /"MLFLOW_TRACKING_URI":"http:\/\/127\.0\.0\.1:\d+","PREFECT_API_URL":"http:\/\/127\.0\.0\.1:\d+\/api"/,
    );
  });

  it('serves the seeded story to an MCP client: failures across MLflow and Prefect', async () => {
    const client = new Client({ name: 'demo-user', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      }),
    );
    const result = await client.callTool({
      name: 'mlops_what_failed',
      arguments: { since: '30d' },
    });
    await client.close();
    const output = result.structuredContent as {
      items: { backend: string; kind: string }[];
      caveats: unknown[];
    };
    const kinds = new Set(output.items.map((item) => `${item.backend}:${item.kind}`));
    expect(kinds).toContain('mlflow:run');
    expect(kinds).toContain('prefect:flow-run');
    expect(kinds).toContain('prefect:late-flow-run');
    // The demo runs without W&B: the answer says so instead of implying W&B had no failures.
    expect(output.caveats).toEqual([
      expect.objectContaining({ backend: 'wandb', kind: 'not_enabled' }),
    ]);
  });

  it('stops every server it started on Ctrl-C', async () => {
    const group = -demo.pid!;
    process.kill(group, 'SIGINT');
    await once(demo, 'exit');
    // The whole process group (gateway, backends launcher) is gone: signalling it fails.
    expect(() => process.kill(group, 0)).toThrow();
  });
});
