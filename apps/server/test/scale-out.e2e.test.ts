import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  freePort,
  STANDIN_FIXED_RUNS,
  startWandbStandin,
  type WandbStandin,
} from '@mlops-mcp/testkit';
import {
  Client,
  type FetchLike,
  StreamableHTTPClientTransport,
} from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnv, type SpawnedGateway, spawnHttpGateway } from './binary.js';

const TOKEN = 'scale-out-e2e-token-31415';
const PROJECT = 'llm-finetune';
/** Bound on each apt-get step; the hook allows both steps twice over plus the rest. */
const APT_TIMEOUT_MS = 240_000;
const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx'];

let standin: WandbStandin;
const gateways: SpawnedGateway[] = [];
const ports: number[] = [];
let nginx: ChildProcess | undefined;
let dir: string | undefined;
let proxyUrl: string;
/** Why the suite cannot run here; set only when nginx is missing and apt-get is unavailable. */
let unavailable: string | undefined;

function findNginx(): string | undefined {
  return NGINX_PATHS.find((path) => existsSync(path));
}

function apt(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('apt-get', args, {
    encoding: 'utf8',
    timeout: APT_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.slice(
      -2000,
    ),
  };
}

/**
 * nginx from Debian's packages: found, or installed with apt-get (CI runs as root with apt).
 * Returns the binary, or a reason when apt-get itself is missing; any other failure throws.
 */
function ensureNginx(): { path: string } | { reason: string } {
  const found = findNginx();
  if (found) return { path: found };
  if (spawnSync('apt-get', ['--version']).status !== 0) {
    return { reason: 'nginx is not installed and apt-get is unavailable to install it' };
  }
  const install = ['install', '-y', '--no-install-recommends', 'nginx-light'];
  let result = apt(install);
  // A fresh machine may have no package lists yet.
  if (!result.ok) {
    const update = apt(['update']);
    if (!update.ok) throw new Error(`apt-get update failed:\n${update.output}`);
    result = apt(install);
  }
  const path = findNginx();
  if (!result.ok || !path) throw new Error(`apt-get install nginx-light failed:\n${result.output}`);
  return { path };
}

/** Round-robin over both gateways; each response names the upstream that served it. */
function nginxConfig(root: string, listen: number, upstreams: number[]): string {
  return `worker_processes 1;
daemon off;
pid ${root}/nginx.pid;
error_log ${root}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${root}/client_body;
  proxy_temp_path ${root}/proxy;
  fastcgi_temp_path ${root}/fastcgi;
  uwsgi_temp_path ${root}/uwsgi;
  scgi_temp_path ${root}/scgi;
  upstream gateways {
${upstreams.map((port) => `    server 127.0.0.1:${port};`).join('\n')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://gateways;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_buffering off;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Waits until nginx proxies /health, or fails after the deadline. */
async function waitForProxy(url: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (nginx?.exitCode !== null && nginx?.exitCode !== undefined) {
      throw new Error(`nginx exited with ${nginx.exitCode}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url} in time`);
    await delay(50);
  }
}

beforeAll(
  async () => {
    const found = ensureNginx();
    if ('reason' in found) {
      unavailable = found.reason;
      return;
    }
    standin = await startWandbStandin();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      gateways.push(
        await spawnHttpGateway(
          ['--http', '--port', String(port)],
          gatewayEnv({
            WANDB_API_KEY: standin.apiKey,
            WANDB_BASE_URL: standin.url,
            MLOPS_MCP_TOOLSETS: 'wandb',
            MLOPS_MCP_HTTP_TOKEN: TOKEN,
          }),
        ),
      );
    }
    dir = await mkdtemp(join(tmpdir(), 'mlops-mcp-nginx-'));
    // nginx workers drop root privileges and must still reach their temp paths under here.
    await chmod(dir, 0o755);
    const listen = await freePort();
    const config = join(dir, 'nginx.conf');
    await writeFile(config, nginxConfig(dir, listen, ports));
    nginx = spawn(found.path, ['-p', dir, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    proxyUrl = `http://127.0.0.1:${listen}`;
    await waitForProxy(proxyUrl, 30_000);
  },
  2 * 2 * APT_TIMEOUT_MS + 60_000,
);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = once(nginx, 'exit');
    nginx.kill('SIGQUIT');
    await exited;
  }
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await standin?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** One MCP client session through nginx, recording the headers of every response it got. */
async function sessionThroughProxy(): Promise<{ client: Client; responses: Headers[] }> {
  const responses: Headers[] = [];
  const recordingFetch: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    responses.push(response.headers);
    return response;
  };
  const transport = new StreamableHTTPClientTransport(new URL(`${proxyUrl}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
    fetch: recordingFetch,
  });
  const client = new Client({ name: 'scale-out', version: '1.0.0' });
  await client.connect(transport);
  return { client, responses };
}

const toolCallLogs = (gateway: SpawnedGateway) =>
  gateway
    .stderr()
    .split('\n')
    .filter((line) => line.includes('"msg":"tool call"')).length;

describe('two stateless gateways behind nginx round-robin', () => {
  it('serve one MCP session interchangeably: both processes answer its calls', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const before = gateways.map(toolCallLogs);
    const { client, responses } = await sessionThroughProxy();
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('wandb_get_run');
      const calls = 6;
      for (let i = 0; i < calls; i++) {
        const result = await client.callTool({
          name: 'wandb_get_run',
          arguments: { entity: standin.entity, project: PROJECT, run: STANDIN_FIXED_RUNS.healthyA },
        });
        expect(result.isError).toBeFalsy();
        expect((result.structuredContent as { id: string }).id).toBe(STANDIN_FIXED_RUNS.healthyA);
      }
      const upstreams = new Set(responses.map((headers) => headers.get('x-upstream')));
      expect(upstreams).toEqual(new Set(ports.map((port) => `127.0.0.1:${port}`)));
      const served = gateways.map((gateway, i) => toolCallLogs(gateway) - before[i]!);
      expect(served.every((count) => count > 0)).toBe(true);
      expect(served[0]! + served[1]!).toBe(calls);
    } finally {
      await client.close();
    }
  });

  it('never hand the client a session id to stick to', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const { client, responses } = await sessionThroughProxy();
    try {
      await client.listTools();
      expect(responses.length).toBeGreaterThan(1);
      expect(responses.map((headers) => headers.get('mcp-session-id'))).toEqual(
        responses.map(() => null),
      );
    } finally {
      await client.close();
    }
  });
});
