import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MlopsError } from '@mlops-mcp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandbAdapter, type WandbAdapter, wandbSettingsFromEnv } from '../index.js';

/** A server that answers 503 to the first request of each operation, then a canned answer. */
let server: Server;
let wandb: WandbAdapter;
const seen = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operationName: string };
      const count = (seen.get(body.operationName) ?? 0) + 1;
      seen.set(body.operationName, count);
      if (count === 1) {
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"errors":[{"message":"upstream busy"}]}');
        return;
      }
      const data =
        body.operationName === 'WandbViewer'
          ? { viewer: { id: 'u1', username: 'ada', entity: 'acme', teams: { edges: [] } } }
          : { project: { name: 'p', run: { id: 'r1', name: 'run1', tags: [], notes: null } } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings = wandbSettingsFromEnv({ WANDB_API_KEY: 'k'.repeat(40), WANDB_BASE_URL: url })!;
  wandb = createWandbAdapter(settings, { retry: { baseDelayMs: 1, maxDelayMs: 2 } });
});

afterAll(async () => {
  await wandb?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe('retries', () => {
  it('retries a query (a read-only POST) after a 503', async () => {
    const viewer = await wandb.viewer();
    expect(viewer.username).toBe('ada');
    expect(seen.get('WandbViewer')).toBe(2);
  });

  it('sends a mutation once and reports the 503 with a check-before-resending hint', async () => {
    const error = await wandb
      .updateRun({ entity: 'acme', project: 'p', runId: 'run1' }, { notes: 'x' })
      .catch((e: unknown) => e);
    expect(seen.get('WandbRunIdentity')).toBe(2);
    expect(seen.get('WandbUpdateRun')).toBe(1);
    expect(MlopsError.isInstance(error) && error.kind).toBe('unavailable');
  });
});
