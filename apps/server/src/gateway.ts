import {
  type AnyToolDefinition,
  type BackendAdapter,
  InvalidInputError,
  type Logger,
  silentLogger,
  toCompactJson,
} from '@mlops-mcp/core';
import { McpServer } from '@modelcontextprotocol/server';
import type { Dispatcher } from 'undici';
import { BACKENDS } from './backends/catalog.js';
import {
  type GatewayConfig,
  type GatewayConfigInput,
  GatewayConfigSchema,
} from './config/gateway-config.js';
import { toErrorPayload } from './tools/error-result.js';
import { callTool, registerTool } from './tools/register-tool.js';
import { selectTools } from './tools/select-tools.js';
import { VERSION } from './version.js';

export interface GatewayOptions {
  logger?: Logger;
  /** Inject an undici dispatcher for every backend (tests, proxies). */
  dispatcher?: Dispatcher;
}

/** A configured gateway: its adapters, the selected tools, and MCP servers built from them. */
export interface Gateway {
  readonly config: GatewayConfig;
  /** The selected tools, in tools/list order. */
  readonly tools: readonly AnyToolDefinition[];
  /** Enabled adapters by namespace. */
  readonly adapters: ReadonlyMap<string, BackendAdapter>;
  /** A fresh MCP server with every selected tool registered (one per connection or request). */
  createServer(): McpServer;
  /** Calls a selected tool directly, without MCP; the same path MCP calls take. */
  callTool(
    name: string,
    args: Record<string, unknown>,
    signal?: AbortSignal,
  ): ReturnType<typeof callTool>;
  close(): Promise<void>;
}

const INSTRUCTIONS =
  'mlops-mcp gives access to ML experiment tracking and orchestration backends. Tool names are ' +
  '<backend>_<verb>_<noun>. Results carry ref.uri values (e.g. mlflow://runs/<id>) that other tools accept. ' +
  'Lists are paged: when a result has nextCursor, pass it back as cursor; truncated=true means the response ' +
  'budget cut the page.';

/** Builds a gateway from a configuration (see `loadConfig` for env/CLI). Throws ConfigError on bad selection. */
export function createGateway(input: GatewayConfigInput, options: GatewayOptions = {}): Gateway {
  const config = GatewayConfigSchema.parse(input);
  const logger = options.logger ?? silentLogger;
  const adapters = new Map<string, BackendAdapter>();
  const known: AnyToolDefinition[] = [];
  for (const backend of BACKENDS) {
    known.push(...backend.tools);
    const adapter = backend.create(config, { logger, dispatcher: options.dispatcher });
    if (adapter) adapters.set(backend.namespace, adapter);
  }
  const tools = selectTools({
    known,
    enabled: new Set(adapters.keys()),
    toolsets: config.toolsets,
    tools: config.tools,
    excludeTools: config.excludeTools,
    readOnly: config.readOnly,
  });
  const deps = { logger, maxResponseTokens: config.maxResponseTokens };
  const clientFor = (tool: AnyToolDefinition) => adapters.get(tool.namespace);

  return {
    config,
    tools,
    adapters,
    createServer() {
      const server = new McpServer(
        { name: 'mlops-mcp', title: 'MLOps MCP gateway', version: VERSION },
        { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
      );
      for (const tool of tools) registerTool(server, tool, clientFor(tool), deps);
      return server;
    },
    async callTool(name, args, signal) {
      const tool = tools.find((candidate) => candidate.name === name);
      if (!tool) {
        return errorResult(
          new InvalidInputError(`Unknown or disabled tool ${name}.`, {
            hint: `Enabled tools: ${tools.map((t) => t.name).join(', ')}.`,
          }),
        );
      }
      const parsed = tool.inputSchema.safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') || undefined;
        return errorResult(
          new InvalidInputError(
            `Invalid ${field ?? 'input'}: ${issue?.message ?? 'invalid input'}`,
            { field },
          ),
        );
      }
      const ctx = signal ? ({ mcpReq: { signal } } as never) : undefined;
      return callTool(tool, clientFor(tool), parsed.data, ctx, deps);
    },
    async close() {
      await Promise.all([...adapters.values()].map((adapter) => adapter.close()));
    },
  };
}

function errorResult(error: InvalidInputError): Awaited<ReturnType<typeof callTool>> {
  return { content: [{ type: 'text', text: toCompactJson(toErrorPayload(error)) }], isError: true };
}
