import type { Dispatcher } from 'undici';
import { MlopsError } from '../errors.js';
import type { HttpClient, RequestSpec } from './client.js';

/** At most `maxBytes` of a file, and whether (and how much) more there was. */
export interface CappedBytes {
  bytes: Buffer;
  /** True when the file is longer than `bytes`. */
  truncated: boolean;
  /** Full size of the file when the server said it (Content-Range or Content-Length). */
  totalBytes?: number | undefined;
  contentType?: string | undefined;
}

/**
 * GETs a file but transfers at most `maxBytes` of it, so showing the head of a 1 GB artifact
 * costs kilobytes: asks for a byte range, and when the server ignores `Range` (200 instead of
 * 206) stops reading and drops the connection once the cap is reached.
 */
export async function readCapped(
  http: HttpClient,
  spec: Omit<RequestSpec<unknown>, 'schema' | 'method' | 'body'>,
  maxBytes: number,
): Promise<CappedBytes> {
  const cap = Math.max(1, Math.floor(maxBytes));
  try {
    return await http.requestStream(
      {
        ...spec,
        method: 'GET',
        headers: { accept: '*/*', range: `bytes=0-${cap - 1}`, ...spec.headers },
      },
      (response) => readHead(response, cap),
    );
  } catch (error) {
    // 416: the range starts past the end, i.e. the file is empty (servers differ on this).
    if (MlopsError.isInstance(error) && error.status === 416) {
      return { bytes: Buffer.alloc(0), truncated: false, totalBytes: 0 };
    }
    throw error;
  }
}

async function readHead(response: Dispatcher.ResponseData, cap: number): Promise<CappedBytes> {
  const totalBytes =
    response.statusCode === 206
      ? sizeFromContentRange(header(response, 'content-range'))
      : sizeFromNumber(header(response, 'content-length'));
  const chunks: Buffer[] = [];
  let size = 0;
  let more = false;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    if (size + buffer.length > cap) {
      chunks.push(buffer.subarray(0, cap - size));
      size = cap;
      more = true;
      break; // leaving the loop destroys the body: the rest is never downloaded
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  if (more) response.body.destroy();
  const bytes = Buffer.concat(chunks, size);
  const result: CappedBytes = {
    bytes,
    truncated: more || (totalBytes !== undefined && totalBytes > bytes.length),
  };
  if (totalBytes !== undefined) result.totalBytes = totalBytes;
  const contentType = header(response, 'content-type');
  if (contentType) result.contentType = contentType;
  return result;
}

function header(response: Dispatcher.ResponseData, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `bytes 0-99/2560` → 2560; `bytes 0-99/*` (unknown size) → undefined. */
function sizeFromContentRange(value: string | undefined): number | undefined {
  const match = value ? /\/(\d+)\s*$/.exec(value) : null;
  return match ? sizeFromNumber(match[1]) : undefined;
}

function sizeFromNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
