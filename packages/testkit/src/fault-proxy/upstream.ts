import {
  Agent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';

/** Headers that describe one hop, not the message: never copied across the proxy. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** A buffered answer of the real backend, for faults that rewrite it. */
export interface UpstreamAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** The real backend behind the proxy, reached over one keep-alive pool. */
export class Upstream {
  readonly #target: URL;
  readonly #agent = new Agent({ keepAlive: true });

  constructor(target: URL) {
    this.#target = target;
  }

  /** Forwards the request and streams the answer back unchanged; a dead backend resets the client. */
  pipe(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const upstream = this.#send(req, body, (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    });
    upstream.on('error', () => res.socket?.resetAndDestroy());
    res.on('close', () => upstream.destroy());
  }

  /** Forwards the request and buffers the whole answer. */
  fetch(req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const upstream = this.#send(req, body, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 502,
            headers: endToEnd(answer.headers),
            body: Buffer.concat(chunks),
          }),
        );
      });
      upstream.on('error', reject);
    });
  }

  /** Closes the pooled connections to the backend. */
  close(): void {
    this.#agent.destroy();
  }

  #send(req: IncomingMessage, body: Buffer, onAnswer: (answer: IncomingMessage) => void) {
    const headers = endToEnd(req.headers);
    headers.host = this.#target.host;
    headers['content-length'] = String(body.length);
    const upstream = httpRequest(
      {
        hostname: this.#target.hostname,
        port: this.#target.port,
        method: req.method,
        path: req.url,
        headers,
        agent: this.#agent,
      },
      onAnswer,
    );
    upstream.end(body);
    return upstream;
  }
}

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}
