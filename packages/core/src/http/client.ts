/*
 * Over 300 lines on purpose: the one HTTP client of every backend (keep-alive pool, timeouts,
 * retries with backoff, error mapping, redaction) is one class whose methods share its private
 * state; its pure helpers sit at the end.
 */
import { createRequire } from 'node:module';
import { setTimeout as delay } from 'node:timers/promises';
import type { Agent, Dispatcher } from 'undici';
import type { z } from 'zod';
import {
  AuthError,
  BackendError,
  BackendUnavailableError,
  BadResponseError,
  CancelledError,
  InvalidInputError,
  MlopsError,
  NotFoundError,
  RateLimitedError,
  TimeoutError,
} from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import type { BackendId } from '../model/ref.js';
import { secrets, stripUserinfo } from '../secrets.js';
import { type Deadline, startDeadline } from './deadline.js';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
import { buildPath, type QueryValue } from './url.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpTimeouts {
  connectMs: number;
  /** Time to the response headers. */
  headersMs: number;
  /** Max idle time between body chunks. */
  bodyMs: number;
  /** Deadline for the whole call, retries and waits included. */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  connectMs: 5_000,
  headersMs: 30_000,
  bodyMs: 30_000,
  totalMs: 60_000,
};

export interface HttpClientOptions {
  backend: BackendId;
  /** Base URL; userinfo in it becomes Basic auth and is stripped from anything shown. */
  baseUrl: string;
  /**
   * The setting the base URL came from (e.g. `MLFLOW_TRACKING_URI`), named when nothing answers
   * at it so the user knows what to check. A name only, never a value.
   */
  urlSetting?: string;
  /** Sent on every request; values are registered as secrets. */
  headers?: Record<string, string>;
  /** Inject a dispatcher (e.g. undici MockAgent) instead of the client's own keep-alive pool. */
  dispatcher?: Dispatcher;
  timeouts?: Partial<HttpTimeouts>;
  retry?: Partial<RetryPolicy>;
  /**
   * True for a failed response that proves this backend applied nothing, so a write is retried
   * on it like a read (Prefect's own 503 body: its database was locked and the transaction rolled
   * back, and its client retries every method on it). Every other failure of a write is final.
   */
  writeUnapplied?: (failure: HttpFailure) => boolean;
  /** Largest response body accepted, in bytes. */
  maxResponseBytes?: number;
  logger?: Logger;
  /** Maps a backend's error body to a typed error; return undefined to use the default mapping. */
  mapError?: (failure: HttpFailure) => MlopsError | undefined;
  /** Source of randomness for backoff jitter (tests pass a fixed one). */
  random?: () => number;
  /** Waits between retries; tests inject one that records the waits instead of sleeping. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** What a failed response looked like, for backend-specific error mapping. */
export interface HttpFailure {
  status: number;
  body: string;
  json: unknown;
  operation: string;
}

export interface RequestSpec<T> {
  method: HttpMethod;
  /** Path relative to the base URL. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra headers for this call only (e.g. `range`); they override the client's defaults. */
  headers?: Record<string, string> | undefined;
  /**
   * Whether the call may be retried. Defaults to true for GET and false otherwise; set it to
   * true for read-only POSTs (searches, GraphQL queries) and never for a write.
   */
  idempotent?: boolean;
  signal?: AbortSignal | undefined;
  /** Validates the JSON body; the mismatch error names the backend and the field. */
  schema: z.ZodType<T>;
  /** Human name of the operation for messages, e.g. "search runs". */
  operation: string;
}

/** Raised internally for a retryable HTTP status so the retry loop can see the response. */
class RetryableStatus extends Error {
  constructor(
    readonly failure: HttpFailure,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${failure.status}`);
  }
}

/**
 * The one HTTP client: a keep-alive pool per backend, timeouts, cancellation, and retries with
 * backoff + jitter + Retry-After for idempotent calls (and writes at a failure the backend declares
 * unapplied). Every body is validated with zod.
 */
export class HttpClient {
  readonly backend: BackendId;
  /** The base URL without credentials. */
  readonly baseUrl: string;
  readonly #origin: string;
  readonly #basePath: string;
  readonly #headers: Record<string, string>;
  /** The injected dispatcher, or this client's own pool once the first request made it. */
  #dispatcher: Dispatcher | undefined;
  readonly #ownsDispatcher: boolean;
  #closed = false;
  readonly #timeouts: HttpTimeouts;
  readonly #retry: RetryPolicy;
  readonly #writeUnapplied: ((failure: HttpFailure) => boolean) | undefined;
  readonly #maxResponseBytes: number;
  readonly #logger: Logger;
  readonly #mapError: HttpClientOptions['mapError'];
  readonly #urlSetting: string | undefined;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(options: HttpClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new InvalidInputError(
        `Invalid ${options.backend} URL: ${stripUserinfo(options.baseUrl)}`,
        {
          backend: options.backend,
        },
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InvalidInputError(
        `The ${options.backend} URL must be http(s), got ${url.protocol}`,
        {
          backend: options.backend,
        },
      );
    }
    this.backend = options.backend;
    this.#headers = { ...options.headers };
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      secrets.add(pass);
      secrets.add(`${user}:${pass}`);
      this.#headers.authorization ??= `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    for (const value of Object.values(this.#headers)) secrets.add(value);
    this.#origin = url.origin;
    this.#basePath = url.pathname;
    this.baseUrl = url.toString().replace(/\/$/, '');
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#writeUnapplied = options.writeUnapplied;
    this.#maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
    this.#logger = options.logger ?? silentLogger;
    this.#mapError = options.mapError;
    this.#urlSetting = options.urlSetting;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher;
  }

  /**
   * The dispatcher requests go through. The client's own keep-alive pool is made on the first
   * request, and undici (~110 modules) loaded with it: a server that starts and lists its tools
   * never pays for an HTTP client it has not used yet.
   */
  #pool(): Dispatcher {
    if (this.#dispatcher) return this.#dispatcher;
    const agent = new (loadUndici().Agent)({
      connect: { timeout: this.#timeouts.connectMs },
      keepAliveTimeout: 10_000,
      connections: 16,
    });
    // Closed before its first request: fail as a closed pool does.
    if (this.#closed) void agent.close();
    this.#dispatcher = agent;
    return agent;
  }

  /** Sends a request and returns the validated JSON body. */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const text = await this.#send(spec, this.#text(spec));
    let json: unknown = {};
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        throw new BadResponseError(
          `${this.backend} answered ${spec.operation} with a body that is not JSON.`,
          {
            backend: this.backend,
            hint: 'The URL may point at something other than the backend API, or a proxy cut the answer.',
          },
        );
      }
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(root)';
      throw new BadResponseError(
        `${this.backend} answered ${spec.operation} with an unexpected shape at "${where}": ${issue?.message ?? 'invalid'}.`,
        {
          backend: this.backend,
          hint: 'The backend version may be unsupported; check it with the overview tool.',
        },
      );
    }
    return parsed.data;
  }

  /** Sends a request and returns the body as text (for the few endpoints that are not JSON). */
  async requestText(spec: Omit<RequestSpec<unknown>, 'schema'>): Promise<string> {
    const full = { ...spec, schema: undefined as never };
    return this.#send(full, this.#text(full));
  }

  /**
   * Sends a request and hands a 2xx response, body still unread, to `read`: for bodies that must
   * not be buffered whole (see `readCapped`). Errors, retries and timeouts are as for `request`.
   */
  async requestStream<R>(
    spec: Omit<RequestSpec<unknown>, 'schema'>,
    read: (response: Dispatcher.ResponseData) => Promise<R>,
  ): Promise<R> {
    return this.#send({ ...spec, schema: undefined as never }, read);
  }

  /** Releases the keep-alive pool (only when this client created it). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#ownsDispatcher) await this.#dispatcher?.close();
  }

  /** The reader of `request` and `requestText`: the whole body as text, size-capped. */
  #text(spec: RequestSpec<unknown>): (response: Dispatcher.ResponseData) => Promise<string> {
    return (response) => this.#readBody(response.body, spec);
  }

  async #send<R>(
    spec: RequestSpec<unknown>,
    read: (response: Dispatcher.ResponseData) => Promise<R>,
  ): Promise<R> {
    const path = buildPath(this.#basePath, spec.path, spec.query);
    const idempotent = spec.idempotent ?? spec.method === 'GET';
    const writeRetries = !idempotent && this.#writeUnapplied !== undefined;
    const maxAttempts = idempotent || writeRetries ? Math.max(1, this.#retry.maxAttempts) : 1;
    const deadline = startDeadline(this.#timeouts.totalMs, spec.signal);
    const { signal } = deadline;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.#headers,
      ...spec.headers,
    };
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }

    try {
      for (let attempt = 1; ; attempt++) {
        const started = performance.now();
        try {
          const result = await this.#attempt(spec, path, headers, body, signal, read);
          this.#logger.debug(
            {
              backend: this.backend,
              op: spec.operation,
              method: spec.method,
              attempt,
              ms: Math.round(performance.now() - started),
            },
            'backend call',
          );
          return result;
        } catch (error) {
          if (signal.aborted) throw this.#abortError(spec, deadline);
          const retryable = idempotent
            ? error instanceof RetryableStatus || isRetryableNetworkError(error)
            : error instanceof RetryableStatus && this.#writeUnapplied?.(error.failure) === true;
          const retryAfterMs = error instanceof RetryableStatus ? error.retryAfterMs : undefined;
          const tooLong = retryAfterMs !== undefined && retryAfterMs > this.#retry.maxRetryAfterMs;
          if (!retryable || attempt >= maxAttempts || tooLong)
            throw this.#finalError(spec, error, idempotent);
          const wait = retryDelayMs(this.#retry, attempt, retryAfterMs, this.#random);
          this.#logger.warn(
            {
              backend: this.backend,
              op: spec.operation,
              attempt,
              waitMs: wait,
              reason: describe(error),
            },
            'retrying backend call',
          );
          try {
            await this.#sleep(wait, signal);
          } catch {
            throw this.#abortError(spec, deadline);
          }
        }
      }
    } finally {
      deadline.release();
    }
  }

  async #attempt<R>(
    spec: RequestSpec<unknown>,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
    read: (response: Dispatcher.ResponseData) => Promise<R>,
  ): Promise<R> {
    const response = await this.#pool().request({
      origin: this.#origin,
      path,
      method: spec.method,
      headers,
      body,
      signal,
      headersTimeout: this.#timeouts.headersMs,
      bodyTimeout: this.#timeouts.bodyMs,
    });
    const status = response.statusCode;
    if (status >= 200 && status < 300) return read(response);
    const text = await this.#readBody(response.body, spec);
    const failure: HttpFailure = {
      status,
      body: text.slice(0, 4_000),
      json: tryJson(text),
      operation: spec.operation,
    };
    if (isRetryableStatus(status)) {
      const header = response.headers['retry-after'];
      throw new RetryableStatus(
        failure,
        parseRetryAfter(Array.isArray(header) ? header[0] : header),
      );
    }
    throw this.#httpError(failure);
  }

  async #readBody(
    body: Dispatcher.ResponseData['body'],
    spec: RequestSpec<unknown>,
  ): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > this.#maxResponseBytes) {
        body.destroy();
        throw new BadResponseError(
          `${this.backend} answered ${spec.operation} with more than ${this.#maxResponseBytes} bytes.`,
          { backend: this.backend, hint: 'Ask for fewer items (lower limit) or fewer fields.' },
        );
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  #httpError(failure: HttpFailure): MlopsError {
    const mapped = this.#mapError?.(failure);
    if (mapped) return mapped;
    const detail = backendMessage(failure);
    const base = { backend: this.backend, status: failure.status };
    const what = `${this.backend} ${failure.operation} failed (HTTP ${failure.status})${detail ? `: ${detail}` : '.'}`;
    if (failure.status === 401 || failure.status === 403) {
      return new AuthError(`${this.backend} rejected the credentials (HTTP ${failure.status}).`, {
        ...base,
        hint: `Check the ${this.backend} token or key configured for the gateway.`,
      });
    }
    if (failure.status === 404) return new NotFoundError(what, base);
    if (failure.status === 400 || failure.status === 422) return new InvalidInputError(what, base);
    if (failure.status === 429) {
      return new RateLimitedError(what, {
        ...base,
        hint: 'The backend is rate limiting; wait before retrying.',
      });
    }
    if (failure.status >= 500) {
      return new BackendUnavailableError(what, {
        ...base,
        hint: 'The backend had an error; retry later.',
      });
    }
    return new BackendError(what, base);
  }

  #finalError(spec: RequestSpec<unknown>, error: unknown, idempotent: boolean): MlopsError {
    if (error instanceof RetryableStatus) return this.#httpError(error.failure);
    if (MlopsError.isInstance(error)) return error;
    const code = errorCode(error);
    const hint = unreachable(code)
      ? this.#unreachableHint(code)
      : idempotent
        ? 'The backend may be down or restarting; retry later.'
        : 'This write was sent once and not retried; check whether it took effect before sending it again.';
    if (
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT'
    ) {
      return new TimeoutError(`${this.backend} did not answer ${spec.operation} in time.`, {
        backend: this.backend,
        hint,
        cause: error,
      });
    }
    return new BackendUnavailableError(
      `Could not reach ${this.backend} at ${this.baseUrl} for ${spec.operation}${code ? ` (${code})` : ''}.`,
      { backend: this.backend, hint, cause: error },
    );
  }

  /**
   * Nothing answered at the URL (refused, no such host, no route): retrying will not help; the
   * URL setting or the server is wrong. Nothing was sent, so this holds for writes too.
   */
  #unreachableHint(code: string | undefined): string {
    const what =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `The host of ${this.baseUrl} was not found`
        : `Nothing answered at ${this.baseUrl}`;
    const setting = this.#urlSetting ?? `the gateway's ${this.backend} URL`;
    return `${what}: start the ${this.backend} server, or fix ${setting} if it names the wrong host or port. \`mlops-mcp doctor\` checks every configured backend.`;
  }

  #abortError(spec: RequestSpec<unknown>, deadline: Deadline): MlopsError {
    if (deadline.expired && !spec.signal?.aborted) {
      return new TimeoutError(
        `${this.backend} ${spec.operation} took longer than ${this.#timeouts.totalMs} ms.`,
        {
          backend: this.backend,
          hint: 'Narrow the request (filter, smaller limit) or retry later.',
        },
      );
    }
    return new CancelledError(`${spec.operation} was cancelled.`, { backend: this.backend });
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Picks the human message out of common error body shapes. */
function backendMessage(failure: HttpFailure): string {
  const json = failure.json as Record<string, unknown> | undefined;
  const candidates = [json?.message, json?.detail, json?.error, failure.body];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim()) return candidate.trim().slice(0, 500);
  }
  return '';
}

/** Connection-level failures where nothing reached a server: the URL or the server is wrong. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function unreachable(code: string | undefined): boolean {
  return code !== undefined && UNREACHABLE_CODES.has(code);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof RetryableStatus) return `HTTP ${error.failure.status}`;
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** undici, loaded on first use (it is CommonJS, so `require` loads it synchronously). */
function loadUndici(): { Agent: typeof Agent } {
  return createRequire(import.meta.url)('undici') as { Agent: typeof Agent };
}
