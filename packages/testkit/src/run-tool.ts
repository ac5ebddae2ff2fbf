import { silentLogger, type ToolDefinition } from '@mlops-mcp/core';
import type { z } from 'zod';

/**
 * Calls a tool the way the gateway does (input parsed by its schema, defaults applied) but
 * without MCP, so adapter tests exercise the tool code itself against a real server.
 */
export async function runTool<C, I extends z.ZodObject, O extends z.ZodObject>(
  tool: ToolDefinition<C, I, O>,
  client: C,
  args: Record<string, unknown>,
  options: { maxResponseTokens?: number } = {},
): Promise<z.infer<O>> {
  const input = tool.inputSchema.parse(args);
  const output = await tool.handler(input, {
    client,
    signal: new AbortController().signal,
    maxResponseTokens: options.maxResponseTokens ?? 100_000,
    logger: silentLogger,
    progress: async () => {},
  });
  // What the tool returns must satisfy the output schema it advertises.
  return tool.outputSchema.parse(output);
}
