import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  freePort,
  type MlflowSeed,
  type RunningServer,
  startSeededMlflow,
} from '@mlops-mcp/testkit';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnv, type SpawnedGateway, spawnHttpGateway } from './binary.js';

const TOKEN = 'headers-e2e-token-55731';
const CONFIGURED_TOKEN = 'configured-mlflow-token-90211';
let a: { server: { url: string }; seed: MlflowSeed };
let b: { server: RunningServer; seed: MlflowSeed };
let perRequestOnly: SpawnedGateway;
let withDefault: SpawnedGateway;
/** A stand-in backend that records what the gateway sends it: the only way to observe headers. */
let capture: Server;
const seen: IncomingHttpHeaders[] = [];
const clients: Client[] = [];

async function gateway(env: Record<string, string>): Promise<SpawnedGateway> {
  const port = await freePort();
  return spawnHttpGateway(
    ['--http', '--port', String(port)],
    gatewayEnv({
      MLOPS_MCP_HTTP_TOKEN: TOKEN,
      MLOPS_MCP_HTTP_BACKEND_HEADERS: 'true',
      // Every backend of this test (two MLflow servers, the capture server) is on loopback.
      MLOPS_MCP_HTTP_BACKEND_HOSTS: '127.0.0.1',
      ...env,
    }),
  );
}

function url(spawned: SpawnedGateway): string {
  const match = /"url":"(http:\/\/[^"]+\/mcp)"/.exec(spawned.stderr());
  return match![1]!;
}

async function connect(spawned: SpawnedGateway, headers: Record<string, string>): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url(spawned)), {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}`, ...headers } },
  });
  const client = new Client({ name: 'tenant', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  // Two MLflow servers: the run's shared one and one of this file's own, to tell requests apart.
  const shared = sharedMlflow();
  a = { server: { url: shared.url }, seed: shared.seed };
  b = await startSeededMlflow();
  capture = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"experiments":[]}');
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  perRequestOnly = await gateway({ MLOPS_MCP_MLFLOW: 'true' });
  withDefault = await gateway({
    MLFLOW_TRACKING_URI: a.server.url,
    MLFLOW_TRACKING_TOKEN: CONFIGURED_TOKEN,
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all([perRequestOnly?.stop(), withDefault?.stop()]);
  await new Promise<void>((resolve) => (capture ? capture.close(() => resolve()) : resolve()));
  await b?.server.stop();
});

/**
 * Run ids in the seeded experiments of `seed`: naming them keeps the runs other tests add to the
 * shared server meanwhile out of the page. A request that reached the other server answers
 * without these runs (other ids, or none), so the own-runs check still tells the servers apart.
 */
const runIds = async (client: Client, seed: MlflowSeed): Promise<string[]> => {
  const result = await client.callTool({
    name: 'mlflow_search_runs',
    arguments: { experimentIds: seed.experiments.map((e) => e.id), limit: 100, fields: ['id'] },
  });
  expect(result.isError).toBeFalsy();
  return (result.structuredContent as { items: { id: string }[] }).items
    .map((run) => run.id)
    .sort();
};

describe('per-request backend headers', () => {
  it('serves each concurrent client from the backend its own headers name', async () => {
    const [clientA, clientB] = await Promise.all([
      connect(perRequestOnly, { 'x-mlflow-tracking-uri': a.server.url }),
      connect(perRequestOnly, { 'x-mlflow-tracking-uri': b.server.url }),
    ]);
    const idsA = a.seed.runs.map((run) => run.id);
    const idsB = b.seed.runs.map((run) => run.id);
    const calls = Array.from({ length: 12 }, (_v, i) => (i % 2 === 0 ? clientA : clientB));
    const results = await Promise.all(
      calls.map((client, i) => runIds(client, i % 2 === 0 ? a.seed : b.seed)),
    );
    results.forEach((ids, i) => {
      const [own, other] = i % 2 === 0 ? [idsA, idsB] : [idsB, idsA];
      expect(ids).toEqual(expect.arrayContaining(own));
      expect(ids.filter((id) => other.includes(id))).toEqual([]);
    });
  });

  it('keeps cross-backend tools and resources on the backend its own headers name', async () => {
    const [clientA, clientB] = await Promise.all([
      connect(perRequestOnly, { 'x-mlflow-tracking-uri': a.server.url }),
      connect(perRequestOnly, { 'x-mlflow-tracking-uri': b.server.url }),
    ]);
    const crossIds = async (client: Client): Promise<string[]> => {
      const result = await client.callTool({
        name: 'mlops_search_runs',
        arguments: { limit: 200 },
      });
      expect(result.isError).toBeFalsy();
      return (result.structuredContent as { items: { id: string }[] }).items.map((run) => run.id);
    };
    const idsA = a.seed.runs.map((run) => run.id);
    const idsB = b.seed.runs.map((run) => run.id);
    const calls = Array.from({ length: 6 }, (_v, i) => (i % 2 === 0 ? clientA : clientB));
    const results = await Promise.all(calls.map((client) => crossIds(client)));
    results.forEach((ids, i) => {
      const [own, other] = i % 2 === 0 ? [idsA, idsB] : [idsB, idsA];
      expect(ids).toEqual(expect.arrayContaining(own));
      expect(ids.filter((id) => other.includes(id))).toEqual([]);
    });
    const runOfA = `mlflow://runs/${idsA[0]}`;
    await expect(clientA.readResource({ uri: runOfA })).resolves.toMatchObject({
      contents: [{ uri: runOfA }],
    });
    await expect(clientB.readResource({ uri: runOfA })).rejects.toThrow(/not found/i);
  });

  it('answers a request without backend headers with an isError naming the header to send', async () => {
    const client = await connect(perRequestOnly, {});
    const result = await client.callTool({ name: 'mlflow_search_experiments', arguments: {} });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('X-MLflow-Tracking-Uri');
  });

  it('never sends the configured credentials or the client bearer to a URL a client chose', async () => {
    const { port } = capture.address() as AddressInfo;
    const client = await connect(withDefault, {
      'x-mlflow-tracking-uri': `http://127.0.0.1:${port}`,
    });
    const result = await client.callTool({ name: 'mlflow_search_experiments', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) expect(headers.authorization).toBeUndefined();
  });

  it('uses the configured backend when a request sends no headers', async () => {
    const client = await connect(withDefault, {});
    const ids = await runIds(client, a.seed);
    expect(ids).toEqual(expect.arrayContaining(a.seed.runs.map((run) => run.id)));
    expect(ids.filter((id) => b.seed.runs.some((run) => run.id === id))).toEqual([]);
  });
});
