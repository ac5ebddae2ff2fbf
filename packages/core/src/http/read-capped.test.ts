import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './client.js';
import { readCapped } from './read-capped.js';

const BIG = 64 * 1024 * 1024;
let server: Server;
let client: HttpClient;
/** Bytes the "ignores Range" endpoint managed to write before the client hung up. */
let written = 0;
let lastRange: string | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    lastRange = req.headers.range;
    if (req.url?.startsWith('/ranged')) {
      const body = Buffer.from('0123456789');
      const match = /bytes=0-(\d+)/.exec(req.headers.range ?? '');
      const end = Math.min(body.length - 1, Number(match?.[1] ?? body.length - 1));
      res.writeHead(206, { 'content-range': `bytes 0-${end}/${body.length}` });
      res.end(body.subarray(0, end + 1));
      return;
    }
    if (req.url?.startsWith('/missing')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"no such file"}');
      return;
    }
    // Ignores Range and streams a large body in 64 KiB chunks until the client goes away.
    written = 0;
    res.writeHead(200, { 'content-length': String(BIG), 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (written < BIG) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  client = new HttpClient({ backend: 'mlflow', baseUrl: `http://127.0.0.1:${port}` });
});

afterAll(async () => {
  await client?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('readCapped', () => {
  it('asks for a byte range and reports the full size from Content-Range', async () => {
    const result = await readCapped(client, { path: 'ranged', operation: 'read file' }, 4);
    expect(lastRange).toBe('bytes=0-3');
    expect(result.bytes.toString()).toBe('0123');
    expect(result).toMatchObject({ truncated: true, totalBytes: 10 });
  });

  it('says nothing was cut when the file fits', async () => {
    const result = await readCapped(client, { path: 'ranged', operation: 'read file' }, 100);
    expect(result.bytes.toString()).toBe('0123456789');
    expect(result.truncated).toBe(false);
  });

  it('stops downloading at the cap when the server ignores Range', async () => {
    const result = await readCapped(client, { path: 'big', operation: 'read file' }, 1000);
    expect(result.bytes.length).toBe(1000);
    expect(result).toMatchObject({ truncated: true, totalBytes: BIG, contentType: 'text/plain' });
    expect(written).toBeLessThan(BIG);
  });

  it('maps an error status like request does', async () => {
    await expect(
      readCapped(client, { path: 'missing', operation: 'read file' }, 10),
    ).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });
});
