import {
  BackendUnavailableError,
  BadResponseError,
  MlopsError,
  TimeoutError,
} from '@mlops-mcp/core';
import type { z } from 'zod';

/** A response body as undici hands it over: chunks of bytes, destroyable to stop the transfer. */
export interface ByteStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

/** How much of a JSON-lines body was read, and why reading stopped. */
export interface JsonLinesStats {
  /** Rows parsed (including one refused by `accept`). */
  rowsRead: number;
  /** Body bytes received before reading stopped. */
  bytesRead: number;
  /** True when reading stopped before the end of the body (the rest was never transferred). */
  stoppedEarly: boolean;
}

export interface JsonLinesOptions<T> {
  schema: z.ZodType<T>;
  /** Keep at most this many rows; reading stops once they are in. */
  maxRows: number;
  /** Decides per row whether to keep it; `false` stops reading (the row is dropped). */
  accept?: (row: T, kept: number) => boolean;
  /** Human name of the operation, for error messages. */
  operation: string;
}

/**
 * Reads a JSON-lines body row by row, validating each, and stops as soon as `maxRows` rows are
 * kept or `accept` refuses one: the body is destroyed then, so the rest is never downloaded.
 */
export async function readJsonLines<T>(
  body: ByteStream,
  options: JsonLinesOptions<T>,
): Promise<{ rows: T[] } & JsonLinesStats> {
  const rows: T[] = [];
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let rowsRead = 0;
  let bytesRead = 0;
  let stopped = false;
  let finished = false;

  // Returns false once reading should stop.
  const take = (line: string): boolean => {
    if (line.trim() === '') return true;
    rowsRead++;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new BadResponseError(
        `W&B Weave answered ${options.operation} with a line that is not JSON.`,
        {
          backend: 'wandb',
          hint: 'The trace server URL may point at something else (check WF_TRACE_SERVER_URL).',
        },
      );
    }
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(root)';
      throw new BadResponseError(
        `W&B Weave answered ${options.operation} with an unexpected row shape at "${where}": ${issue?.message ?? 'invalid'}.`,
        { backend: 'wandb', hint: 'The trace server version may be unsupported.' },
      );
    }
    if (options.accept && !options.accept(parsed.data, rows.length)) return false;
    rows.push(parsed.data);
    return rows.length < options.maxRows;
  };

  try {
    outer: for await (const chunk of body) {
      bytesRead += chunk.byteLength;
      buffer += decoder.decode(chunk, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!take(line)) {
          stopped = true;
          break outer;
        }
        newline = buffer.indexOf('\n');
      }
    }
    if (!stopped) {
      buffer += decoder.decode();
      take(buffer);
    }
    finished = !stopped;
  } catch (error) {
    if (MlopsError.isInstance(error)) throw error;
    const what = `W&B Weave ${options.operation} broke off after ${rowsRead} rows`;
    if ((error as { code?: unknown } | null)?.code === 'UND_ERR_BODY_TIMEOUT') {
      throw new TimeoutError(`${what}: the server stopped sending.`, {
        backend: 'wandb',
        hint: 'Narrow the query (time window, op names, smaller limit) and retry.',
      });
    }
    // The body broke mid-stream. Deliberately no `cause`: rows were already handed to `accept`,
    // so the HTTP client must not retry (and replay them) as it would a network error.
    throw new BackendUnavailableError(`${what} (${describe(error)}).`, {
      backend: 'wandb',
      hint: 'The trace server dropped the connection; retry the request.',
    });
  } finally {
    // Stopped early or failed: drop the connection so the rest of the body is never transferred.
    if (!finished) body.destroy();
  }
  return { rows, rowsRead, bytesRead, stoppedEarly: stopped };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
