import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  classifyInboundRequest,
  isJSONRPCErrorResponse,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  SUPPORTED_PROTOCOL_VERSIONS,
  type Transport,
  type TransportSendOptions,
} from '@modelcontextprotocol/server';
import { headerValue } from './http-guards.js';

/**
 * Methods the shared server answers. They read no per-connection state: `initialize` (which
 * records the client's capabilities on the instance) and everything else keep the SDK's
 * one-server-per-request path.
 */
const SHARED_METHODS = new Set([
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'prompts/list',
  'prompts/get',
  'ping',
]);

/** How long an answer may stay silent before the response becomes an SSE stream with heartbeats. */
const KEEP_ALIVE_MS = 15_000;

interface Exchange {
  res: ServerResponse;
  /** The id the client sent; the shared server sees a process-unique one instead. */
  clientId: string | number;
  streaming: boolean;
  heartbeat: NodeJS.Timeout;
}

/**
 * Serves stateless 2025-era requests from one MCP server per process instead of one per request.
 *
 * The SDK's stateless path builds a server, registers every tool, wraps the Node request in a
 * web `Request` and streams the answer as SSE through a web `ReadableStream`, for every request.
 * This lane is a transport connected once to a server that holds no per-request state (no
 * per-request backend headers): each request it takes gets a process-unique JSON-RPC id, so
 * concurrent clients reusing ids never meet, and the answer is mapped back to the client's id.
 * The answer is one JSON body; a request that emits notifications first (progress), or stays
 * silent for 15 s (keepAliveMs), is upgraded to an SSE stream, as the 2026 SDK path does. A client
 * that goes away cancels its request (`notifications/cancelled`, which aborts the tool's signal).
 *
 * It takes only what the SDK path would serve the same way: a single JSON-RPC request, legacy
 * era by the SDK's own classifier, in SHARED_METHODS, with an Accept header naming both media
 * types and a supported MCP-Protocol-Version header (or none). Anything else, including every
 * error the SDK words itself, goes the SDK's way (`serve` returns false).
 */
export class SharedLane implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];
  #next = 0;
  readonly #exchanges = new Map<number, Exchange>();
  #closed = false;
  #versions: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS;
  readonly #keepAliveMs: number;

  constructor({ keepAliveMs = KEEP_ALIVE_MS }: { keepAliveMs?: number } = {}) {
    this.#keepAliveMs = keepAliveMs;
  }

  async start(): Promise<void> {}

  /** The connected server's versions: a header naming another is left for the SDK to refuse. */
  setSupportedProtocolVersions(versions: string[]): void {
    this.#versions = versions;
  }

  /** Serves `body` (the parsed request body) if the lane takes it; false to pass it on. */
  serve(req: IncomingMessage, res: ServerResponse, body: unknown): boolean {
    if (this.#closed || !this.onmessage || !takes(req, body, this.#versions)) return false;
    const request = body as JSONRPCRequest;
    const id = ++this.#next;
    const exchange: Exchange = {
      res,
      clientId: request.id,
      streaming: false,
      heartbeat: setTimeout(() => this.#heartbeat(id), this.#keepAliveMs),
    };
    this.#exchanges.set(id, exchange);
    res.on('close', () => {
      if (this.#exchanges.get(id) !== exchange) return;
      // The client went away before its answer: stop the work done for it.
      this.#forget(id);
      this.onmessage?.({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: id, reason: 'The HTTP client closed the connection.' },
      });
    });
    try {
      this.onmessage({ ...request, id });
    } catch (error) {
      // The caller answers 500; nothing may write to this response later.
      this.#forget(id);
      throw error;
    }
    return true;
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const answer = isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message);
    const id = answer ? message.id : options?.relatedRequestId;
    const exchange = typeof id === 'number' ? this.#exchanges.get(id) : undefined;
    // Nothing to write to: a notification unrelated to a request (stateless HTTP has no
    // standalone stream), or a request whose client went away.
    if (!exchange) return;
    const { res } = exchange;
    if (!answer) {
      this.#stream(exchange);
      res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
      return;
    }
    this.#forget(id as number);
    const text = JSON.stringify({ ...message, id: exchange.clientId });
    if (exchange.streaming) {
      res.end(`event: message\ndata: ${text}\n\n`);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const [id, exchange] of this.#exchanges) {
      this.#forget(id);
      exchange.res.destroy();
    }
    this.onclose?.();
  }

  #forget(id: number): void {
    const exchange = this.#exchanges.get(id);
    if (!exchange) return;
    clearTimeout(exchange.heartbeat);
    this.#exchanges.delete(id);
  }

  #stream(exchange: Exchange): void {
    if (exchange.streaming) return;
    exchange.streaming = true;
    exchange.res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
  }

  /** A long call: keep proxies from closing the idle connection, as the SDK's SSE path does. */
  #heartbeat(id: number): void {
    const exchange = this.#exchanges.get(id);
    if (!exchange) return;
    this.#stream(exchange);
    exchange.res.write(': keep-alive\n\n');
    exchange.heartbeat = setTimeout(() => this.#heartbeat(id), this.#keepAliveMs);
  }
}

/** Whether the SDK's stateless path would serve this request as the lane does. */
function takes(req: IncomingMessage, body: unknown, versions: readonly string[]): boolean {
  if (
    body === null ||
    typeof body !== 'object' ||
    Array.isArray(body) ||
    !SHARED_METHODS.has((body as { method?: unknown }).method as string)
  ) {
    return false;
  }
  const accept = headerValue(req, 'accept') ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) return false;
  const protocolVersion = headerValue(req, 'mcp-protocol-version');
  if (protocolVersion !== undefined && !versions.includes(protocolVersion)) {
    return false;
  }
  if (!isJSONRPCRequest(body)) return false;
  const mcpMethod = headerValue(req, 'mcp-method');
  const mcpName = headerValue(req, 'mcp-name');
  const route = classifyInboundRequest({
    httpMethod: 'POST',
    ...(protocolVersion !== undefined && { protocolVersionHeader: protocolVersion }),
    ...(mcpMethod !== undefined && { mcpMethodHeader: mcpMethod }),
    ...(mcpName !== undefined && { mcpNameHeader: mcpName }),
    body,
  });
  return route.kind === 'legacy' && route.reason === 'no-claim';
}
