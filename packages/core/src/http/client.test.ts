import { createServer } from 'node:net';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MlopsError } from '../errors.js';
import { HttpClient, type HttpClientOptions } from './client.js';

const ORIGIN = 'http://backend.test';
const Ok = z.object({ ok: z.boolean() });

function reset(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

describe('HttpClient retries', () => {
  let agent: MockAgent;
  let waits: number[];
  let client: HttpClient;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    waits = [];
    client = new HttpClient({
      backend: 'mlflow',
      baseUrl: `${ORIGIN}/base`,
      dispatcher: agent,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  });

  afterEach(async () => {
    await agent.close();
  });

  const read = () =>
    client.request({ method: 'GET', path: 'thing', schema: Ok, operation: 'read thing' });
  const search = () =>
    client.request({
      method: 'POST',
      path: 'search',
      body: { q: 1 },
      idempotent: true,
      schema: Ok,
      operation: 'search',
    });
  const write = () =>
    client.request({
      method: 'POST',
      path: 'write',
      body: { x: 1 },
      schema: Ok,
      operation: 'write',
    });

  it('waits exactly as long as Retry-After says after a 429, then succeeds', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/base/thing', method: 'GET' })
      .reply(429, 'slow down', { headers: { 'retry-after': '2' } });
    pool.intercept({ path: '/base/thing', method: 'GET' }).reply(200, { ok: true });
    await expect(read()).resolves.toEqual({ ok: true });
    expect(waits).toEqual([2000]);
  });

  it('backs off exponentially with jitter on 503', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/base/thing', method: 'GET' }).reply(503, 'down').times(2);
    pool.intercept({ path: '/base/thing', method: 'GET' }).reply(200, { ok: true });
    await expect(read()).resolves.toEqual({ ok: true });
    // base 200 ms, full jitter with random()=0.5: 100 then 200.
    expect(waits).toEqual([100, 200]);
  });

  it('retries a connection reset on an idempotent read-only POST', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/base/search', method: 'POST' }).replyWithError(reset());
    pool.intercept({ path: '/base/search', method: 'POST' }).reply(200, { ok: true });
    await expect(search()).resolves.toEqual({ ok: true });
    expect(waits).toHaveLength(1);
  });

  it('never retries a write, even on 503', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/base/write', method: 'POST' }).reply(503, 'down');
    pool.intercept({ path: '/base/write', method: 'POST' }).reply(200, { ok: true });
    await expect(write()).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    expect(waits).toEqual([]);
    // The second interceptor is still pending: the write was sent once.
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('retries a write on a failure the backend declares unapplied, and on nothing else', async () => {
    const prefectLike = new HttpClient({
      backend: 'prefect',
      baseUrl: `${ORIGIN}/base`,
      dispatcher: agent,
      writeUnapplied: (failure) => failure.status === 503 && failure.body === 'locked',
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const send = () =>
      prefectLike.request({
        method: 'POST',
        path: 'write',
        body: { x: 1 },
        schema: Ok,
        operation: 'write',
      });
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/base/write', method: 'POST' }).reply(503, 'locked');
    pool.intercept({ path: '/base/write', method: 'POST' }).reply(200, { ok: true });
    await expect(send()).resolves.toEqual({ ok: true });
    expect(waits).toHaveLength(1);
    pool.intercept({ path: '/base/write', method: 'POST' }).reply(503, 'proxy');
    pool.intercept({ path: '/base/write', method: 'POST' }).reply(200, { ok: true });
    await expect(send()).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('never retries a write after a connection reset, and says to check before resending', async () => {
    agent.get(ORIGIN).intercept({ path: '/base/write', method: 'POST' }).replyWithError(reset());
    const error = await write().catch((e: unknown) => e);
    expect(MlopsError.isInstance(error)).toBe(true);
    expect((error as MlopsError).hint).toMatch(/sent once and not retried/);
    expect(waits).toEqual([]);
  });

  it('gives up after the attempt limit with an unavailable error', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/base/thing', method: 'GET' })
      .reply(502, 'bad gateway')
      .times(3);
    await expect(read()).rejects.toMatchObject({ kind: 'unavailable', status: 502 });
    expect(waits).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond the cap and reports rate limiting', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/base/thing', method: 'GET' })
      .reply(429, 'later', { headers: { 'retry-after': '3600' } });
    await expect(read()).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(waits).toEqual([]);
  });
});

describe('HttpClient responses', () => {
  let agent: MockAgent;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });

  afterEach(async () => {
    await agent.close();
  });

  it('names the backend and field when a body does not match the schema', async () => {
    agent.get(ORIGIN).intercept({ path: '/thing', method: 'GET' }).reply(200, { ok: 'yes' });
    const client = new HttpClient({ backend: 'prefect', baseUrl: ORIGIN, dispatcher: agent });
    await expect(
      client.request({ method: 'GET', path: 'thing', schema: Ok, operation: 'read thing' }),
    ).rejects.toThrow(/prefect answered read thing with an unexpected shape at "ok"/);
  });

  it('maps 401 to an auth error that does not contain the token', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/thing', method: 'GET' })
      .reply(401, 'bad token s3cr3t-token-value');
    const client = new HttpClient({
      backend: 'mlflow',
      baseUrl: ORIGIN,
      dispatcher: agent,
      headers: { authorization: 'Bearer s3cr3t-token-value' },
    });
    const error = (await client
      .request({ method: 'GET', path: 'thing', schema: Ok, operation: 'read thing' })
      .catch((e: unknown) => e)) as MlopsError;
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain('s3cr3t-token-value');
  });

  it('turns userinfo in the base URL into basic auth and hides it from baseUrl', async () => {
    agent
      .get(ORIGIN)
      .intercept({
        path: '/thing',
        method: 'GET',
        headers: { authorization: `Basic ${Buffer.from('alice:pw-1234').toString('base64')}` },
      })
      .reply(200, { ok: true });
    const client = new HttpClient({
      backend: 'mlflow',
      baseUrl: 'http://alice:pw-1234@backend.test',
      dispatcher: agent,
    });
    expect(client.baseUrl).toBe(ORIGIN);
    await expect(
      client.request({ method: 'GET', path: 'thing', schema: Ok, operation: 'read thing' }),
    ).resolves.toEqual({ ok: true });
  });

  it('repeats array query parameters', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/thing?order_by=a+DESC&order_by=b&n=2', method: 'GET' })
      .reply(200, { ok: true });
    const client = new HttpClient({ backend: 'mlflow', baseUrl: ORIGIN, dispatcher: agent });
    await expect(
      client.request({
        method: 'GET',
        path: 'thing',
        query: { order_by: ['a DESC', 'b'], n: 2, skip: undefined },
        schema: Ok,
        operation: 'read thing',
      }),
    ).resolves.toEqual({ ok: true });
  });

  it('rejects a path that tries to leave the base URL', async () => {
    const client = new HttpClient({ backend: 'mlflow', baseUrl: ORIGIN, dispatcher: agent });
    await expect(
      client.request({ method: 'GET', path: 'a/%2e%2e/secret', schema: Ok, operation: 'x' }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(
      client.request({ method: 'GET', path: 'http://evil.test/x', schema: Ok, operation: 'x' }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });

  it('reports cancellation by the caller as cancelled, not as a backend failure', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/thing', method: 'GET' })
      .reply(200, { ok: true })
      .delay(5_000);
    const client = new HttpClient({ backend: 'mlflow', baseUrl: ORIGIN, dispatcher: agent });
    const controller = new AbortController();
    const pending = client.request({
      method: 'GET',
      path: 'thing',
      schema: Ok,
      operation: 'read thing',
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A client whose base URL is a port nothing listens on (plus `path`). */
async function clientOnClosedPort(options: Omit<HttpClientOptions, 'baseUrl'>, path = '') {
  const port = await closedPort();
  return {
    port,
    client: new HttpClient({ ...options, baseUrl: `http://127.0.0.1:${port}${path}` }),
  };
}

/** What a request rejects with (undefined when it resolves). */
const rejectionOf = (request: Promise<unknown>) =>
  request.then(
    () => undefined,
    (caught: unknown) => caught,
  );

describe('HttpClient against a closed port', () => {
  it('names the URL setting to check and mlops-mcp doctor, not "retry later"', async () => {
    const { port, client } = await clientOnClosedPort({
      backend: 'mlflow',
      urlSetting: 'MLFLOW_TRACKING_URI',
      retry: { maxAttempts: 1 },
    });
    try {
      const error = await rejectionOf(
        client.request({ method: 'GET', path: 'x', schema: Ok, operation: 'search runs' }),
      );
      expect(MlopsError.isInstance(error)).toBe(true);
      const { kind, message, hint } = error as MlopsError;
      expect(kind).toBe('unavailable');
      expect(message).toBe(
        `Could not reach mlflow at http://127.0.0.1:${port} for search runs (ECONNREFUSED).`,
      );
      expect(hint).toContain(`Nothing answered at http://127.0.0.1:${port}`);
      expect(hint).toContain('fix MLFLOW_TRACKING_URI');
      expect(hint).toContain('`mlops-mcp doctor`');
      expect(hint).not.toContain('retry later');
    } finally {
      await client.close();
    }
  });

  it('says the same for a write, which never left the gateway', async () => {
    const { client } = await clientOnClosedPort(
      { backend: 'prefect', urlSetting: 'PREFECT_API_URL' },
      '/api',
    );
    try {
      const error = await rejectionOf(
        client.request({
          method: 'POST',
          path: 'x',
          body: {},
          schema: Ok,
          operation: 'create flow run',
        }),
      );
      expect((error as MlopsError).hint).toContain('fix PREFECT_API_URL');
    } finally {
      await client.close();
    }
  });

  it('fails a request made after close, even when it never opened its pool', async () => {
    const { client } = await clientOnClosedPort({ backend: 'mlflow', retry: { maxAttempts: 1 } });
    await client.close();
    const error = await rejectionOf(
      client.request({ method: 'GET', path: 'x', schema: Ok, operation: 'search runs' }),
    );
    expect(MlopsError.isInstance(error)).toBe(true);
  });
});
