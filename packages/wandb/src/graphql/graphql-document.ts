import type { z } from 'zod';

/**
 * One fixed, typed GraphQL operation the adapter may send: its text, whether it reads or writes
 * (queries are retried on transient failures, mutations never), and the zod schema of `data`.
 * There is no way to send anything else: the gateway has no raw-GraphQL tool.
 */
export interface GraphqlDocument<T> {
  /** The operation name in `text`, also used in error messages. */
  name: string;
  kind: 'query' | 'mutation';
  text: string;
  /** Validates the `data` member of the response. */
  schema: z.ZodType<T>;
  /** Human phrase for messages, e.g. "search runs". */
  operation: string;
}

/** Declares a document; a function only so each file reads as one declaration. */
export function graphqlDocument<T>(document: GraphqlDocument<T>): GraphqlDocument<T> {
  return document;
}
