import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { RequestFault } from './fault.js';
import type { Upstream } from './upstream.js';

/** What a captive portal or a mis-pointed URL answers: 200, but a page instead of JSON. */
const HTML_PAGE =
  '<!doctype html><html><head><title>Sign in</title></head><body>Sign in</body></html>';

/** Answers one request the way `fault` says (see FaultSchema for each kind). */
export async function playFault(
  fault: RequestFault,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  upstream: Upstream,
): Promise<void> {
  switch (fault.kind) {
    case 'latency': {
      // A client that gave up is not answered late: its request is dropped, never forwarded.
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      try {
        await delay(fault.ms, undefined, { signal: gone.signal });
      } catch {
        return;
      }
      upstream.pipe(req, body, res);
      return;
    }
    case 'reset-before-headers':
      res.socket?.resetAndDestroy();
      return;
    case 'status': {
      const text = fault.body ?? `${fault.status} injected by the fault proxy`;
      res.writeHead(fault.status, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
      });
      res.end(text);
      return;
    }
    case 'invalid-json':
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(HTML_PAGE),
      });
      res.end(HTML_PAGE);
      return;
    case 'truncated-json': {
      const answer = await upstream.fetch(req, body);
      const half = answer.body.subarray(0, Math.floor(answer.body.length / 2));
      res.writeHead(answer.status, { ...answer.headers, 'content-length': half.length });
      res.end(half);
      return;
    }
    case 'reset-mid-body': {
      const answer = await upstream.fetch(req, body);
      // Promise the whole body (at least 2 bytes, so even an empty one is cut), send half, hang up.
      const promised = Math.max(answer.body.length, 2);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': promised });
      res.flushHeaders();
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () =>
        res.socket?.destroy(),
      );
      return;
    }
  }
}
