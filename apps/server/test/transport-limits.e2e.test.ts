import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect as connectSocket, type Socket } from 'node:net';
import { freePort } from '@mlops-mcp/testkit';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, gatewayEnv, type SpawnedGateway, spawnHttpGateway } from './binary.js';

/**
 * The transport's own limits, on the built binary. No request here reaches a backend (initialize,
 * tools/list and refused requests), so the MLflow URL is never dialled.
 */
const NO_BACKEND = { MLFLOW_TRACKING_URI: 'http://127.0.0.1:9' };
const TOKEN = 'limits-e2e-token-31337';
/** The stdio line limit: the SDK's read buffer size. */
const LINE_LIMIT = 10 * 1024 * 1024;

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
};

/** A gateway over stdio driven line by line, as a client that writes raw JSON-RPC would. */
class RawStdio {
  readonly child: ChildProcess;
  private buffered = '';
  private readonly lines: string[] = [];
  private waiting?: { resolve: (line: string) => void; reject: (error: Error) => void };
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString('utf8');
      let index = this.buffered.indexOf('\n');
      while (index >= 0) {
        this.lines.push(this.buffered.slice(0, index));
        this.buffered = this.buffered.slice(index + 1);
        index = this.buffered.indexOf('\n');
      }
      this.deliver();
    });
    this.exited = once(this.child, 'exit').then(([code]) => {
      this.waiting?.reject(
        new Error(`gateway exited with ${code} before answering: ${this.stderr}`),
      );
      return code as number | null;
    });
  }

  send(message: unknown): void {
    this.child.stdin!.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  }

  /** The next message the gateway writes to stdout. */
  next(): Promise<{ id?: unknown; result?: unknown; error?: { code: number; message: string } }> {
    return new Promise<string>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.deliver();
    }).then((line) => JSON.parse(line));
  }

  async stop(): Promise<number | null> {
    this.child.stdin!.end();
    return this.exited;
  }

  log(): string {
    return this.stderr;
  }

  private deliver(): void {
    const line = this.lines.shift();
    if (line === undefined || !this.waiting) {
      if (line !== undefined) this.lines.unshift(line);
      return;
    }
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve(line);
  }
}

async function initializedStdio(): Promise<RawStdio> {
  const gateway = new RawStdio(gatewayEnv(NO_BACKEND));
  gateway.send(INITIALIZE);
  expect((await gateway.next()).result).toBeDefined();
  gateway.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return gateway;
}

describe('stdio limits', () => {
  it('answers a line over 10 MiB with an error carrying its id, then answers the next request', async () => {
    const gateway = await initializedStdio();
    // The SDK's client writes the id last: it is read from the end of the line.
    gateway.send(
      `{"method":"tools/call","params":{"name":"mlflow_get_run","arguments":{"runId":"${'a'.repeat(LINE_LIMIT)}"}},"jsonrpc":"2.0","id":7}`,
    );
    const refused = await gateway.next();
    expect(refused.id).toBe(7);
    expect(refused.error?.code).toBe(-32600);
    expect(refused.error?.message).toMatch(/10 MiB/);
    gateway.send({ jsonrpc: '2.0', id: 8, method: 'tools/list' });
    const listed = await gateway.next();
    expect(listed.id).toBe(8);
    expect((listed.result as { tools: unknown[] }).tools.length).toBeGreaterThan(0);
    expect(await gateway.stop()).toBe(0);
  });

  it('answers an oversized line whose id cannot be read with a null id', async () => {
    const gateway = await initializedStdio();
    gateway.send(`[${'1,'.repeat(LINE_LIMIT / 2)}1]`);
    const refused = await gateway.next();
    expect(refused).toMatchObject({ id: null, error: { code: -32600 } });
    gateway.send({ jsonrpc: '2.0', id: 'after', method: 'tools/list' });
    expect((await gateway.next()).id).toBe('after');
    expect(await gateway.stop()).toBe(0);
  });

  it('advertises no list-change notifications: the lists are fixed when the gateway starts', async () => {
    const client = new Client({ name: 'caps', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [BIN],
        env: gatewayEnv(NO_BACKEND),
        stderr: 'pipe',
      }),
    );
    const capabilities = client.getServerCapabilities();
    await client.close();
    expect(capabilities?.tools).toBeDefined();
    for (const kind of ['tools', 'resources', 'prompts'] as const) {
      expect(capabilities?.[kind]?.listChanged).not.toBe(true);
    }
  });
});

/** Opens a raw TCP connection to the gateway, writes `text` and resolves with all it got back once the server closes it. */
function rawExchange(port: number, text: string): { socket: Socket; reply: Promise<string> } {
  const socket = connectSocket(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
  });
  socket.on('error', () => {});
  if (text) socket.write(text);
  // Not events.once: a reset connection emits 'error' before 'close', and that is an answer too.
  const reply = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, reply };
}

describe('HTTP limits', () => {
  let gateway: SpawnedGateway;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    gateway = await spawnHttpGateway(
      ['--http', '--port', String(port)],
      gatewayEnv({
        MLOPS_MCP_HTTP_HEADERS_TIMEOUT_MS: '300',
        ...NO_BACKEND,
        MLOPS_MCP_HTTP_TOKEN: TOKEN,
        MLOPS_MCP_HTTP_BACKEND_HEADERS: 'true',
        MLOPS_MCP_HTTP_BACKEND_HOSTS: 'mlflow.internal:5000,127.0.0.1:9',
        MLOPS_MCP_HTTP_REQUEST_TIMEOUT_MS: '500',
      }),
    );
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const listTools = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/list' });

  it('advertises no list-change notifications, which stateless HTTP can never deliver', async () => {
    const client = new Client({ name: 'caps', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      }),
    );
    const capabilities = client.getServerCapabilities();
    await client.close();
    expect(capabilities?.tools).toBeDefined();
    for (const kind of ['tools', 'resources', 'prompts'] as const) {
      expect(capabilities?.[kind]?.listChanged).not.toBe(true);
    }
  });

  it('refuses a JSON-RPC batch under protocol 2025-06-18, which removed batches', async () => {
    const response = await post([listTools(1), listTools(2)], {
      'mcp-protocol-version': '2025-06-18',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      id: unknown;
      error: { code: number; message: string };
    };
    expect(body).toMatchObject({ id: null, error: { code: -32600 } });
    expect(body.error.message).toMatch(/2025-06-18/);
  });

  it('serves a small batch under protocol 2025-03-26', async () => {
    const response = await post([listTools(1), listTools(2)], {
      'mcp-protocol-version': '2025-03-26',
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"id":1');
    expect(text).toContain('"id":2');
  });

  it('refuses a 2025-03-26 batch of more than 10 messages', async () => {
    const batch = Array.from({ length: 11 }, (_v, i) => listTools(i + 1));
    const response = await post(batch, { 'mcp-protocol-version': '2025-03-26' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(-32600);
    expect(body.error.message).toMatch(/10/);
  });

  it('answers a backend URL header that is not http(s) with a 400 naming the header', async () => {
    const response = await post(INITIALIZE, { 'x-mlflow-tracking-uri': 'file:///etc/passwd' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('X-MLflow-Tracking-Uri');
    expect(body.error.message).not.toContain('MLFLOW_TRACKING_URI');
  });

  it('refuses a backend URL header naming a host outside the allow-list with a 403 naming the setting', async () => {
    const response = await post(INITIALIZE, { 'x-prefect-api-url': 'http://10.0.0.1:22/api' });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('X-Prefect-Api-Url');
    expect(body.error.message).toContain('MLOPS_MCP_HTTP_BACKEND_HOSTS');
  });

  it('serves a backend URL header naming an allowed host', async () => {
    const response = await post(INITIALIZE, { 'x-mlflow-tracking-uri': 'http://127.0.0.1:9' });
    expect(response.status).toBe(200);
  });

  it('closes a connection whose request headers never finish', async () => {
    const { reply } = rawExchange(port, 'POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Closed by the server (the test's own timeout would fail it otherwise).
    await reply;
  });

  it('answers 408 and closes a request that sends its headers and never its body', async () => {
    const { reply } = rawExchange(
      port,
      [
        'POST /mcp HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${TOKEN}`,
        'Content-Type: application/json',
        'Accept: application/json, text/event-stream',
        'Content-Length: 200',
        '',
        '{"jsonrpc":',
      ].join('\r\n'),
    );
    expect(await reply).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('HTTP connection limit', () => {
  let gateway: SpawnedGateway;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    gateway = await spawnHttpGateway(
      ['--http', '--port', String(port)],
      gatewayEnv({
        ...NO_BACKEND,
        MLOPS_MCP_HTTP_TOKEN: TOKEN,
        MLOPS_MCP_HTTP_MAX_CONNECTIONS: '2',
      }),
    );
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('drops a connection over the limit and keeps serving the open ones', async () => {
    const held = [rawExchange(port, ''), rawExchange(port, '')];
    await Promise.all(held.map(({ socket }) => once(socket, 'connect')));
    const third = rawExchange(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await third.reply).toBe('');
    const first = held[0]!;
    first.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(await first.reply).toMatch(/^HTTP\/1\.1 200/);
    held[1]!.socket.destroy();
    await new Promise<void>((resolve) => {
      const logged = () => gateway.stderr().includes('connection limit reached') && resolve();
      logged();
      gateway.child.stderr!.on('data', logged);
    });
  });
});
