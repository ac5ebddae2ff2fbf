import type { CallToolResult, ServerContext } from '@modelcontextprotocol/server';
import { callTool } from '../tools/register-tool.js';
import type { ToolListing } from '../tools/tool-listing.js';
import type { ResourceContext } from './resource-context.js';

/** A backend tool usable for resources here: its backend is enabled and the user did not exclude it. */
export function resourceTool(ctx: ResourceContext, name: string): ToolListing | undefined {
  const tool = ctx.tools.get(name);
  if (!tool || !ctx.backends.has(tool.namespace)) return undefined;
  return ctx.excludeTools?.includes(name) ? undefined : tool;
}

/**
 * Runs a backend tool for a resource through the same seam as an MCP tools/call (input checked
 * by the tool's schema, the adapter of this server, budget, redaction, error mapping); never
 * throws, failures come back as `isError` results.
 */
export async function runResourceTool(
  ctx: ResourceContext,
  tool: ToolListing,
  args: Record<string, unknown>,
  serverCtx?: Pick<ServerContext, 'mcpReq'>,
): Promise<CallToolResult> {
  const adapter = async () => (await ctx.adapters()).get(tool.namespace);
  return callTool(tool, adapter, args, serverCtx, ctx);
}
