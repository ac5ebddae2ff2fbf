import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { BENCH_TOKEN, GATEWAY_BIN, gatewayEnv } from './gateway-binary.js';

const CLIENT_INFO = { name: 'mlops-mcp-bench', version: '1.0.0' };

/** An MCP client connected over HTTP to a gateway (the SDK's Streamable HTTP transport). */
export async function connectHttp(mcpUrl: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
  });
  const client = new Client(CLIENT_INFO);
  await client.connect(transport);
  return client;
}

/** An MCP client that spawned its own gateway over stdio, with that process's id. */
export interface StdioSession {
  client: Client;
  pid: number;
  close(): Promise<void>;
}

/**
 * Spawns a server over stdio and connects (initialize). The server's stderr is piped and
 * drained, so its logs neither fill the console nor block it. `command` defaults to the gateway.
 */
export async function connectStdio(
  env: Record<string, string>,
  command: { args: string[] } = { args: [GATEWAY_BIN] },
): Promise<StdioSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: command.args,
    env: gatewayEnv(env),
    stderr: 'pipe',
  });
  transport.stderr?.on('data', () => {});
  const client = new Client(CLIENT_INFO);
  await client.connect(transport);
  return { client, pid: transport.pid!, close: () => client.close() };
}

/** The text of a tool result's first content block; throws when the call failed. */
export function resultText(result: Awaited<ReturnType<Client['callTool']>>): string {
  const first = (result.content as { type: string; text?: string }[] | undefined)?.[0];
  if (result.isError) throw new Error(`tool call failed: ${first?.text ?? '(no content)'}`);
  return first?.text ?? '';
}
