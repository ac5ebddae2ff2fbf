import { Transform, type TransformCallback } from 'node:stream';

/** The longest stdio line accepted: the MCP SDK's own read-buffer limit (10 MiB). */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;

/** A line that was too long, as far as the gateway read it. */
export interface OversizedLine {
  /** Bytes of the line (without its newline). */
  bytes: number;
  /** The request id read from the line's first or last bytes; null when neither shows one. */
  id: string | number | null;
}

const NEWLINE = 0x0a;
/** Bytes kept from each end of an oversized line to find its id in. */
const EDGE_BYTES = 512;
/** `{"jsonrpc":"2.0","id":7,...` (or with "method" first): the id among the first members. */
const ID_AT_HEAD =
  /^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"(?:[^"\\]|\\.)*"\s*,)*\s*"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*[,}]/;
/** `...,"jsonrpc":"2.0","id":7}` (how the MCP SDK's client writes requests): the last member. */
const ID_AT_TAIL = /,\s*"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*\}\s*$/;

/**
 * Passes a newline-delimited stream on one whole line per chunk, so the SDK's read buffer never
 * holds more than one line. A line longer than `maxBytes` is dropped as it arrives: at most
 * `maxBytes` of it are ever held, the rest is counted and discarded, and `onOversized` gets its
 * size and the id found at either end (so the client's request can be failed rather than left
 * waiting). Lines keep their `\r`, if any; the SDK strips it.
 */
export class BoundedLines extends Transform {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private discarding = false;
  private discardedBytes = 0;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);

  constructor(
    private readonly maxBytes: number,
    private readonly onOversized: (line: OversizedLine) => void,
  ) {
    super();
  }

  /** Bytes of the current, unfinished line held in memory (never above maxBytes). */
  get heldBytes(): number {
    return this.pendingBytes + this.head.length + this.tail.length;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      this.addToLine(piece);
      if (newline === -1) break;
      this.endLine();
      start = newline + 1;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    // A last line without a newline is incomplete JSON-RPC framing; the SDK ignores it too.
    if (this.discarding) this.endLine();
    callback();
  }

  private addToLine(piece: Buffer): void {
    if (this.discarding) {
      this.discardedBytes += piece.length;
      this.keepTail(piece);
      return;
    }
    if (this.pendingBytes + piece.length <= this.maxBytes) {
      this.pending.push(piece);
      this.pendingBytes += piece.length;
      return;
    }
    const headParts: Buffer[] = [];
    let headBytes = 0;
    for (const part of [...this.pending, piece]) {
      headParts.push(part.subarray(0, EDGE_BYTES - headBytes));
      headBytes += headParts.at(-1)!.length;
      if (headBytes >= EDGE_BYTES) break;
    }
    this.head = Buffer.concat(headParts);
    this.keepTail(Buffer.concat([...this.pending.slice(-1), piece]));
    this.discardedBytes = this.pendingBytes + piece.length;
    this.pending = [];
    this.pendingBytes = 0;
    this.discarding = true;
  }

  private keepTail(piece: Buffer): void {
    this.tail =
      piece.length >= EDGE_BYTES
        ? Buffer.from(piece.subarray(piece.length - EDGE_BYTES))
        : Buffer.concat([this.tail, piece]).subarray(-EDGE_BYTES);
  }

  private endLine(): void {
    if (this.discarding) {
      this.onOversized({ bytes: this.discardedBytes, id: oversizedLineId(this.head, this.tail) });
      this.discarding = false;
      this.discardedBytes = 0;
      this.head = Buffer.alloc(0);
      this.tail = Buffer.alloc(0);
      return;
    }
    this.pending.push(Buffer.from([NEWLINE]));
    this.push(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** The JSON-RPC id at the start or end of a line that was too long to parse. */
export function oversizedLineId(head: Buffer, tail: Buffer): string | number | null {
  const match = ID_AT_HEAD.exec(head.toString('utf8')) ?? ID_AT_TAIL.exec(tail.toString('utf8'));
  if (!match) return null;
  try {
    const id: unknown = JSON.parse(match[1]!);
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}
