import { request as httpRequest } from 'node:http';
import { freePort } from '@mlops-mcp/testkit';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTools } from '../src/backends/all-tools.js';
import { DEFAULT_PROFILE } from '../src/tools/default-profile.js';
import { gatewayEnv, type SpawnedGateway, spawnHttpGateway } from './binary.js';

const TOKEN = 'e2e-token-0123456789';
/**
 * What a read-only gateway with only MLflow lists by default: the default profile's MLflow tools
 * and the mlops tools MLflow's capabilities can serve (not mlops_find_lineage, which needs
 * orchestration too).
 */
const MLFLOW_CAPABILITIES = ['tracking', 'tracing', 'registry'];
const READ_TOOLS = allTools()
  .filter(
    (tool) =>
      ['mlops', 'mlflow'].includes(tool.namespace) &&
      DEFAULT_PROFILE.includes(tool.name) &&
      (tool.needs ?? []).every((need) => MLFLOW_CAPABILITIES.includes(need)),
  )
  .map((tool) => tool.name);
// The run's shared, seeded MLflow server (test/global-setup.ts).
const { url: mlflowUrl, seed } = sharedMlflow();
let gateway: SpawnedGateway;
let base: string;
const clients: Client[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  gateway = await spawnHttpGateway(
    ['--http', '--port', String(port)],
    gatewayEnv({ MLFLOW_TRACKING_URI: mlflowUrl, MLOPS_MCP_HTTP_TOKEN: TOKEN }),
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await gateway?.stop();
});

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
};

function post(headers: Record<string, string>, body: unknown = INIT): Promise<Response> {
  return fetch(`${base}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function connect(options: ConstructorParameters<typeof Client>[1] = {}): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
  });
  const client = new Client({ name: 'e2e-http', version: '1.0.0' }, options);
  await client.connect(transport);
  clients.push(client);
  return client;
}

describe('gateway over HTTP', () => {
  it('answers /health without a token', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('refuses /mcp without a token with 401 and a Bearer challenge', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a wrong token with 401', async () => {
    expect((await post({ authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('refuses a foreign Origin with 403 even with a valid token', async () => {
    const response = await post({
      authorization: `Bearer ${TOKEN}`,
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a DNS-rebinding Host with 403', async () => {
    // fetch may not send a custom Host header (it is forbidden in the Fetch spec); node:http does.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${base}/mcp`,
        {
          method: 'POST',
          headers: {
            host: 'evil.example',
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(INIT));
    });
    expect(status).toBe(403);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await post(
      { authorization: `Bearer ${TOKEN}` },
      { ...INIT, pad: 'x'.repeat(2 * 1024 * 1024) },
    );
    expect(response.status).toBe(413);
  });

  it('answers a body that is not JSON with a JSON-RPC parse error', async () => {
    const response = await post(
      { authorization: `Bearer ${TOKEN}` },
      '{"jsonrpc": "2.0", "method": ',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } });
  });

  it('answers JSON that is not a JSON-RPC message with a protocol error', async () => {
    const response = await post({ authorization: `Bearer ${TOKEN}` }, { hello: 'world' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = (await response.json()) as { error?: { code: number } };
    expect(body.error?.code).toBeLessThan(0);
  });

  it('serves a 2025-era client: lists tools and returns seeded runs', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('mlflow_search_runs');
    const result = await client.callTool({
      name: 'mlflow_search_runs',
      arguments: { experimentIds: seed.experiments.map((e) => e.id), limit: 100 },
    });
    const ids = (result.structuredContent as { items: { id: string }[] }).items
      .map((run) => run.id)
      .sort();
    expect(ids).toEqual(expect.arrayContaining(seed.runs.map((run) => run.id)));
  });

  it('serves a client pinned to the stateless 2026-07-28 revision', async () => {
    const client = await connect({ versionNegotiation: { mode: { pin: '2026-07-28' } } });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(READ_TOOLS);
  });

  it('never writes the bearer token to its logs', () => {
    expect(gateway.stderr()).not.toContain(TOKEN);
  });
});
