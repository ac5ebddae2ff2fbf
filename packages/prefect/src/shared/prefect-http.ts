import { randomUUID } from 'node:crypto';
import { AuthError, HttpClient, type HttpClientOptions, type RequestSpec } from '@mlops-mcp/core';
import { z } from 'zod';

/** Raised by mapPrefectError when Prefect's CSRF middleware refused a request. */
export class CsrfRejectedError extends AuthError {}

const CsrfTokenSchema = z.object({ token: z.string(), client: z.string() });

/**
 * The adapter's HTTP client: core's HttpClient, plus Prefect's CSRF handshake. A server with
 * PREFECT_SERVER_CSRF_PROTECTION_ENABLED refuses every POST/PATCH/PUT/DELETE (filter reads
 * included) without `Prefect-Csrf-Token` and `Prefect-Csrf-Client` headers
 * (prefect/server/api/middleware.py, CsrfMiddleware). Like Prefect's own client
 * (prefect/client/base.py, _add_csrf_headers) it fetches a token from GET /csrf-token, but only
 * after a refusal, so servers without CSRF protection cost nothing extra. The refused request
 * never reached a route, so sending it again is safe even for a write.
 */
export class PrefectHttp {
  readonly baseUrl: string;
  #client: HttpClient;
  readonly #options: HttpClientOptions;
  readonly #csrfClient = randomUUID();
  #csrfUsed = false;

  constructor(options: HttpClientOptions) {
    this.#options = options;
    this.#client = new HttpClient(options);
    this.baseUrl = this.#client.baseUrl;
  }

  /** True once the server demanded a CSRF token (reported by prefect_get_server_info). */
  get csrfUsed(): boolean {
    return this.#csrfUsed;
  }

  /** Sends a request (see HttpClient.request), completing the CSRF handshake when refused. */
  async request<T>(spec: RequestSpec<T>): Promise<T> {
    try {
      return await this.#client.request(spec);
    } catch (error) {
      if (!(error instanceof CsrfRejectedError)) throw error;
      await this.#refreshCsrf(spec.signal);
      return this.#client.request(spec);
    }
  }

  /** Sends a request and returns the raw text (see HttpClient.requestText). */
  requestText(spec: Omit<RequestSpec<unknown>, 'schema'>): Promise<string> {
    return this.#client.requestText(spec);
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  async #refreshCsrf(signal: AbortSignal | undefined): Promise<void> {
    const token = await this.#client.request({
      method: 'GET',
      path: 'csrf-token',
      query: { client: this.#csrfClient },
      signal,
      schema: CsrfTokenSchema,
      operation: 'get CSRF token',
    });
    const old = this.#client;
    this.#client = new HttpClient({
      ...this.#options,
      headers: {
        ...this.#options.headers,
        'prefect-csrf-token': token.token,
        'prefect-csrf-client': this.#csrfClient,
      },
    });
    this.#csrfUsed = true;
    await old.close().catch(() => undefined);
  }
}
