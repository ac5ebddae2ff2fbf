import { createGateway, type Gateway, loadConfig } from '@mlops-mcp/server';
import type { Dispatcher } from 'undici';

/**
 * An in-process gateway configured from environment variables, as the CLI would configure it
 * (no MCP, no transport): `gateway.callTool` is the library path.
 */
export function libraryGateway(env: Record<string, string>, dispatcher?: Dispatcher): Gateway {
  const { config } = loadConfig([], env);
  return createGateway(config, dispatcher ? { dispatcher } : {});
}

/** Calls a tool in process and returns its text; throws when the call failed. */
export async function callText(
  gateway: Gateway,
  tool: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = await gateway.callTool(tool, args);
  const text = (result.content[0] as { text?: string } | undefined)?.text ?? '';
  if (result.isError) throw new Error(`${tool} failed: ${text}`);
  return text;
}
