import { BadResponseError, type CallOptions, type HttpClient } from '@mlops-mcp/core';
import type { GraphqlDocument } from './graphql-document.js';
import { GraphqlEnvelopeSchema } from './graphql-envelope.js';
import { mapGraphqlErrors } from './graphql-errors.js';

/**
 * Sends the adapter's fixed documents to `<baseUrl>/graphql` through the project's HttpClient,
 * so keep-alive, timeouts, cancellation, redaction and retries apply. Queries are read-only
 * POSTs and marked idempotent (retried on 429/502/503/504 and network failures); mutations are
 * sent once.
 */
export class WandbGraphqlClient {
  readonly #http: HttpClient;
  readonly #path: string;

  constructor(http: HttpClient, path = 'graphql') {
    this.#http = http;
    this.#path = path;
  }

  /** Runs one document and returns its validated `data`; GraphQL `errors` become typed errors. */
  async execute<T>(
    document: GraphqlDocument<T>,
    variables: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<T> {
    const envelope = await this.#http.request({
      method: 'POST',
      path: this.#path,
      body: { query: document.text, variables, operationName: document.name },
      idempotent: document.kind === 'query',
      signal: options.signal,
      schema: GraphqlEnvelopeSchema,
      operation: document.operation,
    });
    if (envelope.errors?.length) throw mapGraphqlErrors(envelope.errors, document.operation);
    const parsed = document.schema.safeParse(envelope.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(root)';
      throw new BadResponseError(
        `W&B answered ${document.operation} with an unexpected shape at "${where}": ${issue?.message ?? 'invalid'}.`,
        {
          backend: 'wandb',
          hint: 'The W&B server version may be unsupported; check it with wandb_get_viewer.',
        },
      );
    }
    return parsed.data;
  }
}
