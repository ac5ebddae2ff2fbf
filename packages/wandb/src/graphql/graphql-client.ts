import {
  BadResponseError,
  type CallOptions,
  CancelledError,
  type HttpClient,
  UnsupportedCapabilityError,
} from '@mlops-mcp/core';
import type { GraphqlDocument } from './graphql-document.js';
import { GraphqlEnvelopeSchema } from './graphql-envelope.js';
import { mapGraphqlErrors } from './graphql-errors.js';
import { type ServerFields, ServerFieldsDocument, serverFields } from './server-fields.js';
import { trimDocument } from './trim-document.js';

/** A document's validated `data` and the optional fields left out because the server lacks them. */
export interface GraphqlAnswer<T> {
  data: T;
  /** "Type.field" names, sorted; empty when the server provides everything asked. */
  omitted: string[];
}

/**
 * Sends the adapter's fixed documents to `<baseUrl>/graphql` through the project's HttpClient,
 * so keep-alive, timeouts, cancellation, redaction and retries apply. Queries are read-only
 * POSTs and marked idempotent (retried on 429/502/503/504 and network failures); mutations are
 * sent once. Before the first document, the server's fields are learned once per process and
 * URL (see server-fields.ts) and each document is cut to what the server provides.
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
    return (await this.executeReporting(document, variables, options)).data;
  }

  /** As {@link execute}, also naming the optional fields the server lacks (left out of `data`). */
  async executeReporting<T>(
    document: GraphqlDocument<T>,
    variables: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<GraphqlAnswer<T>> {
    const fields = await this.serverFields(options);
    if (!fields) return { data: await this.#send(document, variables, options), omitted: [] };
    const trimmed = trimDocument(document, fields);
    if (trimmed.missing.length > 0) {
      throw new UnsupportedCapabilityError(
        `This W&B server does not provide ${trimmed.missing.join(', ')}, which ${document.operation} needs.`,
        {
          backend: 'wandb',
          hint:
            'The server is an older W&B Server release than this tool supports (W&B SDKs need 0.63.0 or newer); ' +
            'upgrade it, or use the other wandb_* tools.',
        },
      );
    }
    return {
      data: await this.#send(trimmed.document, variables, options),
      omitted: trimmed.omitted,
    };
  }

  /**
   * What this server provides (once per process and URL); undefined when it cannot say. The
   * introspection is shared by concurrent callers, so it runs without any one caller's signal;
   * each caller stops waiting when its own signal aborts.
   */
  serverFields(options: CallOptions = {}): Promise<ServerFields | undefined> {
    const shared = serverFields(`${this.#http.baseUrl}/${this.#path}`, () =>
      this.#send(ServerFieldsDocument, {}, {}),
    );
    const signal = options.signal;
    if (!signal) return shared;
    return new Promise((resolve, reject) => {
      const onAbort = () =>
        reject(
          new CancelledError('The W&B call was cancelled.', {
            backend: 'wandb',
            cause: signal.reason,
          }),
        );
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #send<T>(
    document: GraphqlDocument<T>,
    variables: Record<string, unknown>,
    options: CallOptions,
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

/** The caveat a tool adds when fields were left out, or undefined when none were. */
export function omittedFieldsCaveat(omitted: readonly string[]): string | undefined {
  if (omitted.length === 0) return undefined;
  return `This W&B server does not provide ${omitted.join(', ')}; ${omitted.length === 1 ? 'it is' : 'they are'} left out of this answer.`;
}
