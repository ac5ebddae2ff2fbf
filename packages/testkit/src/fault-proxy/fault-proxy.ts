import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Fault, FaultSchema, type RequestFault, type RequestMatch } from './fault.js';
import { playFault } from './play-fault.js';
import { matchesRequest, type ProxiedRequest } from './request-match.js';
import { Upstream } from './upstream.js';

/** What the proxy has seen since it started (or since resetStats). */
export interface FaultProxyStats {
  /** Requests received, by "METHOD /path" (query string dropped). */
  byRoute: Record<string, number>;
  /** Every request in arrival order, with the fault played for it. */
  requests: ProxiedRequest[];
}

/** A loopback HTTP proxy in front of one real backend that misbehaves on demand. */
export interface FaultProxy {
  /** Base URL to give the client: the proxy's origin plus the target's path (e.g. `/api`). */
  readonly url: string;
  /** Plays `fault` from now on, replacing any previous one (`down` resolves once refusing). */
  setFault(fault: Fault): Promise<void>;
  /** Forwards everything faithfully again (after `down`: listens again on the same port). */
  clearFault(): Promise<void>;
  stats(): FaultProxyStats;
  /** How many requests seen so far satisfy `match`. */
  count(match: RequestMatch): number;
  resetStats(): void;
  /** Drops every connection and stops listening. Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** The real backend's base URL; its path is kept in the proxy's `url`. */
  target: string;
  /** Port to listen on; default: a free one chosen by the OS. */
  port?: number;
}

/**
 * Starts a fault proxy on 127.0.0.1 (node:http only) that forwards to `target` until told to
 * misbehave: added latency, resets before headers or mid-body, 429/5xx answers, truncated or
 * invalid JSON, or refusing connections (see FaultSchema). Faults can be limited to the next N
 * matching requests and to methods, paths or body contents, so a test can fail one write while
 * the reads around it pass, and `stats()` proves how often each request was sent.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const upstream = new Upstream(target);
  const sockets = new Set<Socket>();
  let requests: ProxiedRequest[] = [];
  let fault: { fault: RequestFault; remaining: number } | undefined;
  let down = false;
  let stopped = false;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.resetAndDestroy());
  });
  // Longer than the clients' keep-alive, so the proxy never closes a socket a client is reusing.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const seen: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      body: body.toString('utf8'),
      fault: undefined,
    };
    requests.push(seen);
    const current = fault;
    if (current && matchesRequest(current.fault.match, seen)) {
      seen.fault = current.fault.kind;
      current.remaining -= 1;
      if (current.remaining <= 0 && fault === current) fault = undefined;
      await playFault(current.fault, req, body, res, upstream);
      return;
    }
    upstream.pipe(req, body, res);
  }

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  const listen = async (port: number) => {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
  };
  const close = async () => {
    const closed = once(server, 'close');
    server.close();
    dropConnections();
    await closed;
  };

  await listen(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const path = target.pathname.replace(/\/$/, '');

  return {
    url: `http://127.0.0.1:${port}${path}`,
    async setFault(next) {
      const parsed = FaultSchema.parse(next);
      if (parsed.kind === 'down') {
        fault = undefined;
        if (!down && !stopped) {
          down = true;
          await close();
        }
        return;
      }
      fault = { fault: parsed, remaining: parsed.times ?? Number.POSITIVE_INFINITY };
    },
    async clearFault() {
      fault = undefined;
      if (down && !stopped) {
        down = false;
        await listen(port);
      }
    },
    stats() {
      const byRoute: Record<string, number> = {};
      for (const request of requests) {
        const route = `${request.method} ${request.path}`;
        byRoute[route] = (byRoute[route] ?? 0) + 1;
      }
      return { byRoute, requests: [...requests] };
    },
    count(match) {
      return requests.filter((request) => matchesRequest(match, request)).length;
    },
    resetStats() {
      requests = [];
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      fault = undefined;
      if (!down) await close();
      upstream.close();
    },
  };
}
