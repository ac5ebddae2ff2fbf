import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@mlops-mcp/core';
import { hostHeaderValidation, originValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import type { Gateway } from '../gateway.js';
import { VERSION } from '../version.js';
import { defaultAllowedHosts, defaultAllowedOrigins, hasValidBearer } from './http-guards.js';

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
): void {
  json(res, status, { jsonrpc: '2.0', error: { code: -32000, message }, id: null }, headers);
}

/**
 * Serves the gateway over Streamable HTTP, stateless: every request gets a fresh MCP server from
 * the gateway, so any number of processes can sit behind a load balancer. `/mcp` checks Host and
 * Origin (403), the bearer token (401) and the body size (413) before the SDK sees the request;
 * `/health` is public.
 */
export async function startHttpServer(
  gateway: Gateway,
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
    if (declared > http.maxBodyBytes) {
      return rpcError(res, 413, `Request body larger than ${http.maxBodyBytes} bytes.`, {
        connection: 'close',
      });
    }
    await serveMcp(req, res);
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'http handler failed',
      );
      if (!res.headersSent) rpcError(res, 500, 'Internal error.');
      else res.end();
    });
  });
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;
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
      await handler.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
