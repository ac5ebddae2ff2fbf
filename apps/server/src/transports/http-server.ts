import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@mlops-mcp/core';
import { hostHeaderValidation, originValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import {
  BackendHeaderError,
  type HeaderSource,
  requestSettings,
} from '../backends/request-adapters.js';
import type { GatewayBase } from '../gateway-core.js';
import { VERSION } from '../version.js';
import {
  defaultAllowedHosts,
  defaultAllowedOrigins,
  hasValidBearer,
  headerValue,
} from './http-guards.js';
import { SharedLane } from './shared-lane.js';

export interface RunningHttpServer {
  /** Base URL, e.g. http://127.0.0.1:3333 (the MCP endpoint is `${url}/mcp`). */
  url: string;
  port: number;
  close(): Promise<void>;
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function rpcError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  { code = -32000, id = null }: { code?: number; id?: string | number | null } = {},
): void {
  json(res, status, { jsonrpc: '2.0', error: { code, message }, id }, headers);
}

/** The id to echo on an error about a body: a single request's, else null (as the SDK does). */
function echoableId(body: unknown): string | number | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { method, id } = body as { method?: unknown; id?: unknown };
  if (typeof method !== 'string') return null;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/**
 * Why a JSON-RPC batch is refused, if it is. The MCP revision 2025-06-18 removed batches; the
 * revision is the batch's own initialize request's, else the MCP-Protocol-Version header, else
 * 2025-03-26 (what the spec says to assume without a header). 2025-03-26 had batches: they are
 * served up to MAX_BATCH_MESSAGES, so one request cannot fan out into ~100 backend calls.
 */
export function batchRejection(batch: readonly unknown[], headerVersion: string | undefined) {
  const initialize = batch.find(
    (message): message is { params?: { protocolVersion?: unknown } } =>
      typeof message === 'object' &&
      message !== null &&
      (message as { method?: unknown }).method === 'initialize',
  );
  const claimed = initialize?.params?.protocolVersion;
  const version = typeof claimed === 'string' ? claimed : (headerVersion ?? '2025-03-26');
  if (version >= BATCHLESS_VERSION) {
    return `Invalid Request: JSON-RPC batches were removed in MCP ${BATCHLESS_VERSION} and this request is under ${version}; send each message in its own request.`;
  }
  if (batch.length > MAX_BATCH_MESSAGES) {
    return `Invalid Request: a batch may hold at most ${MAX_BATCH_MESSAGES} messages (got ${batch.length}); send the rest in further requests.`;
  }
  return undefined;
}

/** The first MCP revision without JSON-RPC batches. */
const BATCHLESS_VERSION = '2025-06-18';
/** Largest batch served under 2025-03-26. */
export const MAX_BATCH_MESSAGES = 10;

/**
 * Reads a request body up to `max` bytes: undefined when it is longer (reading stops there),
 * null when the client went away or was cut off by the request timeout (nothing to answer).
 */
async function readBody(req: IncomingMessage, max: number): Promise<string | undefined | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) return undefined;
      chunks.push(chunk);
    }
  } catch {
    return null;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** node:http headers in the shape the gateway reads backend headers from. */
function headerSource(req: IncomingMessage): HeaderSource {
  return {
    get: (name) => headerValue(req, name.toLowerCase()),
  };
}

/**
 * Serves the gateway over Streamable HTTP, stateless: no request depends on an earlier one, so any
 * number of processes can sit behind a load balancer. Common requests are answered by one MCP
 * server per process (SharedLane); the rest, and every request when backend headers are on, by a
 * fresh server from the gateway. `/mcp` checks Host and
 * Origin (403), the bearer token (401), the body size (413), JSON-RPC batches (400, see
 * `batchRejection`) and per-request backend headers (400/403) before the SDK sees the request;
 * `/health` is public.
 */
export async function startHttpServer(
  gateway: GatewayBase,
  logger: Logger,
): Promise<RunningHttpServer> {
  const { http } = gateway.config;
  const handler = createMcpHandler((ctx) => gateway.createServer(ctx.requestInfo?.headers), {
    legacy: 'stateless',
    maxRequestBodySize: http.maxBodyBytes,
    onerror: (error) => logger.warn({ err: error.message }, 'mcp request error'),
  });
  const serveMcp = toNodeHandler(handler, {
    maxRequestBodySize: http.maxBodyBytes,
    onerror: (error) => logger.error({ err: error.message }, 'mcp adapter error'),
  });
  // Without per-request backend headers every request's server would be the same: the common
  // requests are served by one (see SharedLane), the rest by the SDK's per-request path.
  const lane = http.backendHeaders ? undefined : new SharedLane();
  const shared = lane && gateway.createServer();
  if (lane && shared) {
    lane.onerror = (error) => logger.warn({ err: error.message }, 'mcp request error');
    await shared.connect(lane);
  }
  const validateHost = hostHeaderValidation(http.allowedHosts ?? defaultAllowedHosts(http.host));
  const validateOrigin = originValidation(http.allowedOrigins ?? defaultAllowedOrigins());

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return json(res, 405, { error: 'method not allowed' });
      return json(res, 200, { status: 'ok', version: VERSION, tools: gateway.tools.length });
    }
    if (path !== '/mcp') return json(res, 404, { error: 'not found; the MCP endpoint is /mcp' });
    if (!validateHost(req, res) || !validateOrigin(req, res)) return;
    if (http.token && !hasValidBearer(req, http.token)) {
      return rpcError(
        res,
        401,
        'Unauthorized: send "Authorization: Bearer <MLOPS_MCP_HTTP_TOKEN>".',
        {
          'www-authenticate': 'Bearer realm="mlops-mcp"',
        },
      );
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () =>
      rpcError(res, 413, `Request body larger than ${http.maxBodyBytes} bytes.`, {
        connection: 'close',
      });
    if (declared > http.maxBodyBytes) return tooLarge();
    // A JSON POST is read here, so batches can be judged before the SDK runs them; the SDK
    // answers everything else (405, 415) itself.
    let body: unknown;
    if (req.method === 'POST' && isJsonContentType(req.headers['content-type'])) {
      const text = await readBody(req, http.maxBodyBytes);
      if (text === null) return;
      if (text === undefined) return tooLarge();
      try {
        body = JSON.parse(text);
      } catch {
        return rpcError(res, 400, 'Parse error: Invalid JSON', {}, { code: -32700 });
      }
      if (Array.isArray(body)) {
        const version = req.headers['mcp-protocol-version'];
        const refused = batchRejection(body, typeof version === 'string' ? version : undefined);
        if (refused) return rpcError(res, 400, refused, {}, { code: -32600 });
      }
    }
    if (http.backendHeaders) {
      try {
        requestSettings(headerSource(req), gateway.config);
      } catch (error) {
        if (!(error instanceof BackendHeaderError)) throw error;
        return rpcError(
          res,
          error.httpStatus,
          `${error.message} ${error.hint}`,
          {},
          { code: error.httpStatus === 403 ? -32000 : -32600, id: echoableId(body) },
        );
      }
    }
    if (lane?.serve(req, res, body)) return;
    await serveMcp(req, res, body);
  };

  // Request-side limits: a client gets headersTimeoutMs for its headers and requestTimeoutMs
  // for its whole request (then 408 and the connection closes); a response streaming for a long
  // tool call is not limited. Node checks the deadlines every connectionsCheckingInterval.
  const server: Server = createServer(
    {
      headersTimeout: http.headersTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(
        30_000,
        Math.max(50, Math.floor(http.headersTimeoutMs / 4)),
      ),
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'http handler failed',
        );
        if (!res.headersSent) rpcError(res, 500, 'Internal error.');
        else res.end();
      });
    },
  );
  server.maxConnections = http.maxConnections;
  let dropped = 0;
  let lastDropLog = 0;
  server.on('drop', () => {
    dropped += 1;
    // At most one line per 10 s, so a flood of connections does not flood the log too.
    if (Date.now() - lastDropLog < 10_000) return;
    lastDropLog = Date.now();
    logger.warn(
      { maxConnections: http.maxConnections, dropped },
      'connection limit reached: closing new connections (MLOPS_MCP_HTTP_MAX_CONNECTIONS)',
    );
    dropped = 0;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(http.port, http.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = http.host.includes(':') ? `[${http.host}]` : http.host;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await shared?.close();
      await handler.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
