import { createInterface } from 'node:readline';

/**
 * The floor for cold start: a bare Node process that speaks just enough MCP over stdio to
 * answer `initialize` and an empty `tools/list`. Run by the cold-start benchmark beside the
 * gateway, so the ratio shows what the gateway adds to starting Node itself.
 */
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const message = JSON.parse(line) as { id?: number | string; method?: string; params?: unknown };
  if (message.id === undefined) return;
  const params = (message.params ?? {}) as { protocolVersion?: string };
  let reply: Record<string, unknown>;
  if (message.method === 'initialize') {
    reply = {
      result: {
        protocolVersion: params.protocolVersion,
        capabilities: { tools: {} },
        serverInfo: { name: 'bare', version: '0.0.0' },
      },
    };
  } else if (message.method === 'tools/list') {
    reply = { result: { tools: [] } };
  } else {
    reply = { error: { code: -32601, message: `no method ${message.method}` } };
  }
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id: message.id, ...reply })}\n`);
});
lines.on('close', () => process.exit(0));
