import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SharedLane } from './shared-lane.js';

/** Resolves when `release` is called: lets a tool wait for the test without sleeping. */
function gate<T = void>() {
  let release!: (value: T) => void;
  const opened = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { opened, release };
}

let heldOpen = gate();
let started = gate();
let aborted = gate<unknown>();

const mcp = new McpServer({ name: 'lane-test', version: '1' });
mcp.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, async ({ text }) => ({
  content: [{ type: 'text', text }],
}));
mcp.registerTool('reports-progress', { inputSchema: z.object({}) }, async (_args, ctx) => {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  if (progressToken !== undefined) {
    await ctx.mcpReq.notify({
      method: 'notifications/progress',
      params: { progressToken, progress: 1, message: 'half way' },
    });
  }
  return { content: [{ type: 'text', text: 'done' }] };
});
mcp.registerTool('held', { inputSchema: z.object({}) }, async () => {
  await heldOpen.opened;
  return { content: [{ type: 'text', text: 'released' }] };
});
mcp.registerTool('until-cancelled', { inputSchema: z.object({}) }, async (_args, ctx) => {
  ctx.mcpReq.signal.addEventListener('abort', () => aborted.release(ctx.mcpReq.signal.reason));
  started.release();
  await aborted.opened;
  return { content: [{ type: 'text', text: 'cancelled' }] };
});

const lane = new SharedLane({ keepAliveMs: 50 });
let http: Server;
let url: string;

beforeAll(async () => {
  await mcp.connect(lane);
  http = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    // What the lane does not take, the real server hands to the SDK: here, a marker status.
    if (!lane.serve(req, res, body)) res.writeHead(299).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
});

afterAll(async () => {
  await mcp.close();
  await new Promise((resolve) => http.close(resolve));
});

const BOTH = 'application/json, text/event-stream';

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: BOTH, ...headers },
    body: JSON.stringify(body),
  });
}

/** The JSON-RPC messages of an SSE body (heartbeat comments left out). */
function messages(sse: string): unknown[] {
  return sse
    .split('\n\n')
    .filter((event) => event.startsWith('event: message\ndata: '))
    .map((event) => JSON.parse(event.slice('event: message\ndata: '.length)));
}

function call(id: number | string, name: string, args: object = {}, meta?: object) {
  return {
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name, arguments: args, ...(meta && { _meta: meta }) },
  };
}

describe('SharedLane', () => {
  it('answers concurrent clients that reuse an id, each with its own answer and id', async () => {
    const answers = await Promise.all(
      ['a', 'b', 'c'].map(async (text) => {
        const response = await post(call(7, 'echo', { text }));
        expect(response.headers.get('content-type')).toBe('application/json');
        return response.json();
      }),
    );
    expect(answers).toEqual(
      ['a', 'b', 'c'].map((text) => ({
        jsonrpc: '2.0',
        id: 7,
        result: { content: [{ type: 'text', text }] },
      })),
    );
  });

  it('streams a request that reports progress: the notification, then the answer', async () => {
    const response = await post(call('p1', 'reports-progress', {}, { progressToken: 'tok' }));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(messages(await response.text())).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'tok', progress: 1, message: 'half way' },
      },
      { jsonrpc: '2.0', id: 'p1', result: { content: [{ type: 'text', text: 'done' }] } },
    ]);
  });

  it('keeps a silent request alive with SSE heartbeats until its answer', async () => {
    heldOpen = gate();
    const response = await post(call(3, 'held'));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe(': keep-alive\n\n');
    heldOpen.release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(messages(rest)).toEqual([
      { jsonrpc: '2.0', id: 3, result: { content: [{ type: 'text', text: 'released' }] } },
    ]);
  });

  it('cancels the work of a client that goes away', async () => {
    started = gate();
    aborted = gate();
    const body = JSON.stringify(call(1, 'until-cancelled'));
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BOTH },
    });
    req.on('error', () => {});
    req.end(body);
    await started.opened;
    req.destroy();
    expect(await aborted.opened).toBe('The HTTP client closed the connection.');
  });

  it.each([
    ['initialize', { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }, {}],
    ['a batch', [call(1, 'echo', { text: 'x' })], {}],
    ['a notification', { jsonrpc: '2.0', method: 'notifications/initialized' }, {}],
    ['a method outside the lane', { jsonrpc: '2.0', id: 1, method: 'logging/setLevel' }, {}],
    [
      'an Accept header without SSE',
      call(1, 'echo', { text: 'x' }),
      { accept: 'application/json' },
    ],
    [
      'an unsupported protocol version header',
      call(1, 'echo', { text: 'x' }),
      { 'mcp-protocol-version': '1999-01-01' },
    ],
    [
      'a 2026-07-28 request',
      call(1, 'echo', { text: 'x' }, { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' }),
      { 'mcp-protocol-version': '2026-07-28' },
    ],
  ])('passes on %s to the SDK path', async (_name, body, headers) => {
    expect((await post(body, headers)).status).toBe(299);
  });
});
