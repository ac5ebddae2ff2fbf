import {
  type AnyToolDefinition,
  type Logger,
  MlopsError,
  parseToolInput,
  secrets,
  toCompactJson,
} from '@mlops-mcp/core';
import type {
  CallToolResult,
  McpServer,
  ServerContext,
  StandardSchemaWithJSON,
  ToolAnnotations,
} from '@modelcontextprotocol/server';
import { deepFreeze } from './advertised-schema.js';
import { toErrorPayload } from './error-result.js';
import { isToolListing, type ToolListing, type ToolMeta } from './tool-listing.js';

export interface RegisterDeps {
  logger: Logger;
  maxResponseTokens: number;
}

/**
 * The one seam between a tool and the MCP SDK: derives annotations from the tool's access class,
 * wires cancellation and progress, redacts and serialises the result, maps every failure to an
 * `isError` result, and logs timing. The tool is listed from its listing alone; its definition
 * and its client (`client()`, which may load either) are resolved when it is called.
 */
export function registerTool(
  server: McpServer,
  tool: ToolListing,
  client: () => unknown,
  deps: RegisterDeps,
): void {
  server.registerTool(tool.name, sdkToolConfig(tool), (async (args: unknown, ctx: ServerContext) =>
    callTool(tool, client, args, ctx, deps)) as never);
}

/**
 * MCP annotations derived from a tool's access class, leaving out what the spec's defaults already
 * say: `openWorldHint` (default true), and for reads `destructiveHint`/`idempotentHint`, which
 * mean something only when `readOnlyHint` is false. The title is the tool's own `title`.
 */
export function toolAnnotations(tool: ToolMeta): ToolAnnotations {
  if (tool.access === 'read') return { readOnlyHint: true };
  return {
    readOnlyHint: false,
    destructiveHint: tool.destructive ?? true,
    ...(tool.idempotent ? { idempotentHint: true } : {}),
  };
}

/** The config `server.registerTool` gets for a tool. */
interface SdkToolConfig {
  readonly title: string;
  readonly description: string;
  readonly inputSchema: StandardSchemaWithJSON;
  readonly annotations: ToolAnnotations;
}

const sdkToolConfigs = new WeakMap<ToolListing, SdkToolConfig>();

/**
 * What the SDK is given for a tool, built once per process: stateless HTTP registers every tool
 * on a fresh server per request, and nothing here depends on the request (the per-request
 * client lives only in the handler). Frozen, since every server shares it.
 *
 * No outputSchema: no client we know of shows it to the model in ordinary tool use (see
 * docs/ARCHITECTURE.md), while each one that receives it validates `structuredContent` against
 * it, and the full schemas were over half of `tools/list`. Results still carry
 * `structuredContent`; the zod output schema stays the tool's contract in the library and docs.
 */
function sdkToolConfig(tool: ToolListing): SdkToolConfig {
  let config = sdkToolConfigs.get(tool);
  if (config === undefined) {
    config = deepFreeze({
      title: tool.title,
      description: tool.description,
      inputSchema: listedAndValidatedAtTheSeam(tool),
      annotations: toolAnnotations(tool),
    });
    sdkToolConfigs.set(tool, config);
  }
  return config;
}

/**
 * The input schema as the SDK sees it: it lists the lean JSON Schema (advertisedInputSchema,
 * converted once per process, since the SDK converts on every `tools/list`), and its `validate`
 * accepts any arguments, so the SDK never answers a bad call with its own plain text. `callTool`
 * validates instead (parseToolInput) against the full zod schema, with a structured
 * invalid_input that names every problem and refuses unknown arguments, on every path (MCP,
 * `gateway.callTool`, resources).
 */
function listedAndValidatedAtTheSeam(tool: ToolListing): StandardSchemaWithJSON {
  const json = () => tool.advertisedInput();
  return {
    '~standard': {
      version: 1,
      vendor: 'mlops-mcp',
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: json, output: json },
    },
  };
}

/**
 * Runs one tool call to completion; never throws. `args` are the caller's, unparsed: the tool's
 * input schema is applied here, the one place every path goes through. A listing's definition
 * and a client given as a function are resolved first (loading their modules on a first call).
 */
export async function callTool(
  tool: AnyToolDefinition | ToolListing,
  client: unknown,
  args: unknown,
  ctx: Pick<ServerContext, 'mcpReq'> | undefined,
  deps: RegisterDeps,
): Promise<CallToolResult> {
  const started = performance.now();
  const signal = ctx?.mcpReq.signal ?? new AbortController().signal;
  const progressToken = ctx?.mcpReq._meta?.progressToken;
  try {
    const definition = isToolListing(tool) ? await tool.definition() : tool;
    const resolved = typeof client === 'function' ? await client() : client;
    // A client that is an error means this request has no adapter for the tool's backend.
    if (MlopsError.isInstance(resolved)) throw resolved;
    const input = parseToolInput(tool.name, definition.inputSchema, args);
    const output = await definition.handler(input, {
      client: resolved,
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
    const images = ((await definition.images?.(output)) ?? []).map((image) => ({
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
