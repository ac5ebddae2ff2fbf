import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';

/** What the backend answers to GET /api/items: long enough to cut in half. */
const ITEMS = JSON.stringify({ items: Array.from({ length: 50 }, (_v, i) => ({ id: i })) });
let backend: Server;
let proxy: FaultProxy;
const received: string[] = [];

beforeAll(async () => {
  backend = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      const body = req.url?.startsWith('/api/items') ? ITEMS : '{"ok":true}';
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const { port } = backend.address() as AddressInfo;
  proxy = await startFaultProxy({ target: `http://127.0.0.1:${port}/api` });
});

afterEach(async () => {
  await proxy.clearFault();
  proxy.resetStats();
  received.length = 0;
});

afterAll(async () => {
  await proxy?.stop();
  await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
});

const get = (path = '/items', init: RequestInit = {}) => fetch(`${proxy.url}${path}`, init);
const post = (path: string, body: string) => fetch(`${proxy.url}${path}`, { method: 'POST', body });

/** The error code under a failed fetch (undici puts it on the cause). */
async function failure(request: Promise<unknown>): Promise<string | undefined> {
  const error = await request.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeDefined();
  return ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string })).code;
}

describe('fault proxy', () => {
  it('forwards requests unchanged under the target path when no fault is set', async () => {
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const response = await get('/items?page=2');
    expect(await response.text()).toBe(ITEMS);
    expect(received).toEqual(['GET /api/items?page=2']);
  });

  it('counts requests per method and path', async () => {
    await (await get('/items?a=1')).text();
    await (await get('/items?a=2')).text();
    await (await post('/write', '{}')).text();
    expect(proxy.stats().byRoute).toEqual({ 'GET /api/items': 2, 'POST /api/write': 1 });
  });

  it('delays a request and then forwards it', async () => {
    await proxy.setFault({ kind: 'latency', ms: 20 });
    expect(await (await get()).text()).toBe(ITEMS);
    expect(received).toHaveLength(1);
  });

  it('drops a delayed request whose client gave up, without forwarding it', async () => {
    await proxy.setFault({ kind: 'latency', ms: 60_000 });
    const controller = new AbortController();
    const pending = get('/items', { signal: controller.signal });
    await waitFor(() => proxy.stats().requests.length === 1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await proxy.clearFault();
    await (await get()).text();
    expect(received).toEqual(['GET /api/items']);
  });

  it('resets the connection before any header, without forwarding', async () => {
    await proxy.setFault({ kind: 'reset-before-headers' });
    expect(await failure(get())).toBe('ECONNRESET');
    expect(received).toEqual([]);
  });

  it('sends the real headers and part of the body, then hangs up', async () => {
    await proxy.setFault({ kind: 'reset-mid-body' });
    const response = await get();
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(received).toEqual(['GET /api/items']);
  });

  it('answers an injected status with Retry-After, without forwarding', async () => {
    await proxy.setFault({ kind: 'status', status: 429, retryAfter: '7' });
    const response = await get();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    await response.text();
    expect(received).toEqual([]);
  });

  it('answers the first half of the real body as a complete response', async () => {
    await proxy.setFault({ kind: 'truncated-json' });
    const text = await (await get()).text();
    expect(text).toBe(ITEMS.slice(0, Math.floor(ITEMS.length / 2)));
    expect(() => JSON.parse(text)).toThrow();
  });

  it('answers 200 with a page that is not JSON', async () => {
    await proxy.setFault({ kind: 'invalid-json' });
    const response = await get();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^<!doctype html>/);
    expect(() => JSON.parse(text)).toThrow();
    expect(received).toEqual([]);
  });

  it('refuses new connections while down and serves again on the same URL once cleared', async () => {
    await (await get()).text();
    await proxy.setFault({ kind: 'down' });
    expect(await freshConnectionError(`${proxy.url}/items`)).toBe('ECONNREFUSED');
    await proxy.clearFault();
    expect(await (await get()).text()).toBe(ITEMS);
  });

  it('plays a fault for the next N matching requests only', async () => {
    await proxy.setFault({ kind: 'status', status: 503, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await get();
      await response.text();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('plays a fault only for requests matching method, path and body', async () => {
    await proxy.setFault({
      kind: 'status',
      status: 500,
      match: { method: 'POST', path: '/api/write', bodyIncludes: 'mutation' },
    });
    const query = await post('/write', '{"query":"query A"}');
    const mutation = await post('/write', '{"query":"mutation B"}');
    const read = await get();
    await Promise.all([query.text(), mutation.text(), read.text()]);
    expect([query.status, mutation.status, read.status]).toEqual([200, 500, 200]);
    expect(proxy.count({ bodyIncludes: 'mutation' })).toBe(1);
    expect(proxy.stats().requests.map((request) => request.fault)).toEqual([
      undefined,
      'status',
      undefined,
    ]);
  });
});

/** The error of a GET over a new connection (no keep-alive pool that may hold a stale socket). */
function freshConnectionError(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = httpGet(url, { agent: false }, (response) => {
      response.resume();
      resolve(undefined);
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}

/** Polls a condition the proxy updates asynchronously, with a deadline. */
async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
