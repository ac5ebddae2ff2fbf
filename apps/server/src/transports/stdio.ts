import type { Readable, Writable } from 'node:stream';
import type { Logger } from '@mlops-mcp/core';
import { StdioServerTransport, serveStdio } from '@modelcontextprotocol/server/stdio';
import type { GatewayBase } from '../gateway-core.js';
import { BoundedLines, MAX_LINE_BYTES } from './bounded-lines.js';

export interface StdioStreams {
  stdin: Readable;
  stdout: Writable;
}

/**
 * Serves the gateway over stdio (one connection, the client's pipes). Resolves with the exit
 * code once the session ends: 0 when the client closed stdin, 1 when the session ended without
 * that (stdout failed), so a supervisor never reads a broken session as a normal stop.
 *
 * Input goes through BoundedLines: a line over 10 MiB (the SDK's read-buffer limit, which
 * would otherwise end the session) is discarded as it arrives and answered with a JSON-RPC
 * Invalid Request error, and the session goes on.
 */
export async function runStdio(
  gateway: GatewayBase,
  logger: Logger,
  streams: StdioStreams = { stdin: process.stdin, stdout: process.stdout },
): Promise<number> {
  const lines = new BoundedLines(MAX_LINE_BYTES, ({ bytes, id }) => {
    logger.warn({ bytes, id }, 'stdio: discarded an input line over the 10 MiB limit');
    wire
      .send({
        jsonrpc: '2.0',
        id,
        error: {
          code: -32600,
          message: `Invalid Request: message of ${bytes} bytes exceeds the 10 MiB limit of one stdio line; send smaller messages.`,
        },
      } as never)
      .catch((error: unknown) =>
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'stdio error'),
      );
  });
  streams.stdin.pipe(lines);
  // A stdin destroyed without an end (the client's pipe broke) ends the session as well.
  streams.stdin.once('close', () => lines.end());
  // Lines reach the SDK one whole line at a time, each at most MAX_LINE_BYTES plus its newline.
  const wire = new StdioServerTransport(lines, streams.stdout, {
    maxBufferSize: MAX_LINE_BYTES + 1,
  });
  const closeWire = wire.close.bind(wire);
  const ended = new Promise<void>((resolve) => {
    wire.close = async () => {
      await closeWire();
      resolve();
    };
  });
  const handle = serveStdio(() => gateway.createServer(), {
    transport: wire,
    onerror: (error) => logger.warn({ err: error.message }, 'stdio error'),
  });
  await ended;
  await handle.close();
  const stdin = streams.stdin;
  if (stdin.readableEnded || stdin.destroyed) return 0;
  logger.error(
    {},
    'stdio session ended while stdin was still open (see the stdio error above); exiting with code 1',
  );
  return 1;
}
