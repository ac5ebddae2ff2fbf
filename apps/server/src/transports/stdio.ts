import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Gateway } from '../gateway.js';

/**
 * Serves the gateway over stdio (one connection, the client's pipes). Resolves when the client
 * closes stdin, so the caller can release backend connections and exit.
 */
export async function runStdio(gateway: Gateway, onError: (error: Error) => void): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
  });
  const handle = serveStdio(() => gateway.createServer(), { onerror: onError });
  await ended;
  await handle.close();
}
