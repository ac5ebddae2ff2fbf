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
  server.registerTool(tool.name, sdkToolConfig(tool), (async (args: unknown, ctx: ServerContext) =>
    callTool(tool, client, args, ctx, deps)) as never);
}

/** MCP annotations derived from a tool's access class. */
export function toolAnnotations(tool: AnyToolDefinition): ToolAnnotations {
  return {
    title: tool.title,
    readOnlyHint: tool.access === 'read',
    destructiveHint: tool.access === 'write' ? (tool.destructive ?? true) : false,
    idempotentHint: tool.access === 'read' ? true : (tool.idempotent ?? false),
    openWorldHint: true,
  };
}

/** The config `server.registerTool` gets for a tool. */
interface SdkToolConfig {
  readonly title: string;
  readonly description: string;
  readonly inputSchema: StandardSchemaWithJSON;
  readonly outputSchema: StandardSchemaWithJSON;
  readonly annotations: ToolAnnotations;
}

const sdkToolConfigs = new WeakMap<AnyToolDefinition, SdkToolConfig>();

/**
 * What the SDK is given for a tool, built once per process: stateless HTTP registers every tool
 * on a fresh server per request, and nothing here depends on the request (the per-request
 * client lives only in the handler). Frozen, since every server shares it.
 */
function sdkToolConfig(tool: AnyToolDefinition): SdkToolConfig {
  let config = sdkToolConfigs.get(tool);
  if (config === undefined) {
    config = deepFreeze({
      title: tool.title,
      description: tool.description,
      inputSchema: validatedAtTheSeam(withCachedJsonSchema(tool.inputSchema)),
      outputSchema: withCachedJsonSchema(tool.outputSchema),
      annotations: toolAnnotations(tool),
    });
    sdkToolConfigs.set(tool, config);
  }
  return config;
}

type JsonSchemaOptions = Parameters<StandardSchemaWithJSON['~standard']['jsonSchema']['input']>[0];

const cachedSchemas = new WeakMap<StandardSchemaWithJSON, StandardSchemaWithJSON>();

/**
 * A schema that validates exactly as `schema` (its own `validate`) but converts to JSON Schema
 * once per io and target. The SDK converts a registered tool's schemas on every `tools/list` and
 * its output schema on every `tools/call` (memoised per server only), and zod's conversion is the
 * bulk of a stateless request's CPU. The cached JSON Schema is deep-frozen: it is shared by every
 * request, so none may change what the next one lists.
 */
function withCachedJsonSchema(schema: StandardSchemaWithJSON): StandardSchemaWithJSON {
  const cached = cachedSchemas.get(schema);
  if (cached !== undefined) return cached;
  const standard = schema['~standard'];
  // Without a converter of its own the SDK falls back to converting the zod schema itself.
  if (standard.jsonSchema === undefined) return schema;
  const converted = new Map<string, Record<string, unknown>>();
  const convert = (io: 'input' | 'output') => (options: JsonSchemaOptions) => {
    // Library options (the SDK passes none) could change the result: convert those each time.
    if (options?.libraryOptions !== undefined) return standard.jsonSchema[io](options);
    const key = `${io} ${options?.target}`;
    let json = converted.get(key);
    if (json === undefined) {
      // A conversion that throws is not cached: it throws again, where the SDK expects it.
      json = deepFreeze(standard.jsonSchema[io](options));
      converted.set(key, json);
    }
    return json;
  };
  const wrapped: StandardSchemaWithJSON = {
    '~standard': {
      version: standard.version,
      vendor: standard.vendor,
      validate: standard.validate,
      jsonSchema: { input: convert('input'), output: convert('output') },
    },
  };
  cachedSchemas.set(schema, wrapped);
  return wrapped;
}

/**
 * The input schema as the SDK sees it: listed as before, but its `validate` accepts any
 * arguments, so the SDK never answers a bad call with its own plain text. `callTool` validates
 * instead (parseToolInput), with a structured invalid_input that names every problem and refuses
 * unknown arguments, on every path (MCP, `gateway.callTool`, resources).
 */
function validatedAtTheSeam(schema: StandardSchemaWithJSON): StandardSchemaWithJSON {
  const standard = schema['~standard'];
  return {
    '~standard': {
      version: standard.version,
      vendor: standard.vendor,
      validate: (value: unknown) => ({ value }),
      jsonSchema: standard.jsonSchema,
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Runs one tool call to completion; never throws. `args` are the caller's, unparsed: the tool's
 * input schema is applied here, the one place every path goes through.
 */
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
    const input = parseToolInput(tool.name, tool.inputSchema, args);
    const output = await tool.handler(input, {
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
    const images = ((await tool.images?.(output)) ?? []).map((image) => ({
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
