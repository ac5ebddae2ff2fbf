import {
  type AnyToolDefinition,
  type Logger,
  MlopsError,
  secrets,
  toCompactJson,
} from '@mlops-mcp/core';
import type { CallToolResult, McpServer, ServerContext } from '@modelcontextprotocol/server';
import { toErrorPayload } from './error-result.js';

export interface RegisterDeps {
  logger: Logger;
  maxResponseTokens: number;
}

/**
 * The one seam between a tool definition and the MCP SDK: derives annotations from the tool's
 * access class, wires cancellation and progress, redacts and serialises the result, maps every
 * failure to an `isError` result, and logs timing.
 */
export function registerTool(
  server: McpServer,
  tool: AnyToolDefinition,
  client: unknown,
  deps: RegisterDeps,
): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      outputSchema: tool.outputSchema,
      annotations: {
        title: tool.title,
        readOnlyHint: tool.access === 'read',
        destructiveHint: tool.access === 'write' ? (tool.destructive ?? true) : false,
        idempotentHint: tool.access === 'read' ? true : (tool.idempotent ?? false),
        openWorldHint: true,
      },
    },
    (async (args: unknown, ctx: ServerContext) => callTool(tool, client, args, ctx, deps)) as never,
  );
}

/** Runs one tool call to completion; never throws. */
export async function callTool(
  tool: AnyToolDefinition,
  client: unknown,
  args: unknown,
  ctx: Pick<ServerContext, 'mcpReq'> | undefined,
  deps: RegisterDeps,
): Promise<CallToolResult> {
  const started = performance.now();
  const signal = ctx?.mcpReq.signal ?? new AbortController().signal;
  const progressToken = ctx?.mcpReq._meta?.progressToken;
  try {
    // A client that is an error means this request has no adapter for the tool's backend.
    if (MlopsError.isInstance(client)) throw client;
    const output = await tool.handler(args, {
      client,
      signal,
      maxResponseTokens: deps.maxResponseTokens,
      logger: deps.logger,
      progress: async (update) => {
        if (progressToken === undefined || !ctx) return;
        await ctx.mcpReq.notify({
          method: 'notifications/progress',
          params: { progressToken, ...update },
        });
      },
    });
    const safe = secrets.isEmpty ? output : secrets.redactDeep(output);
    deps.logger.info(
      { tool: tool.name, ms: Math.round(performance.now() - started), ok: true },
      'tool call',
    );
    const images = (tool.images?.(output) ?? []).map((image) => ({
      type: 'image' as const,
      data: image.data.toString('base64'),
      mimeType: image.mimeType,
    }));
    return {
      content: [{ type: 'text', text: toCompactJson(safe) }, ...images],
      structuredContent: safe,
    };
  } catch (error) {
    const payload = toErrorPayload(error);
    const log = {
      tool: tool.name,
      ms: Math.round(performance.now() - started),
      ok: false,
      kind: payload.error.kind,
    };
    if (payload.error.kind === 'internal') {
      deps.logger.error(
        {
          ...log,
          err: secrets.redact(
            error instanceof Error ? (error.stack ?? error.message) : String(error),
          ),
        },
        'tool call failed',
      );
    } else {
      deps.logger.warn({ ...log, message: payload.error.message }, 'tool call failed');
    }
    return { content: [{ type: 'text', text: toCompactJson(payload) }], isError: true };
  }
}
