import { createRequire } from 'node:module';
import {
  type AnyToolDefinition,
  type BackendAdapter,
  type BackendId,
  type CapabilityName,
  InvalidInputError,
  type Logger,
  silentLogger,
  toCompactJson,
} from '@mlops-mcp/core';
import { McpServer } from '@modelcontextprotocol/server';
import type { Agent, Dispatcher } from 'undici';
import { type AdapterFactory, BACKEND_INFO, backendTimeouts } from './backends/backend-info.js';
import { type HeaderSource, requestAdapters } from './backends/request-adapters.js';
import { bindTools, type CodeContext } from './code/code-context.js';
import type { GatewayConfig } from './config/gateway-config.js';
import type { AbsentBackend, CrossContext } from './cross/cross-context.js';
import { addPrompts, workflowPrompts } from './prompts/register-prompts.js';
import { registerResources } from './resources/register-resources.js';
import { CAPABILITIES, INSTRUCTIONS } from './server-info.js';
import { DEFAULT_PROFILE } from './tools/default-profile.js';
import { toErrorPayload } from './tools/error-result.js';
import { callTool, registerTool } from './tools/register-tool.js';
import { selectTools } from './tools/select-tools.js';
import type { ToolListing, ToolMeta } from './tools/tool-listing.js';
import { VERSION } from './version.js';

export interface GatewayOptions {
  logger?: Logger;
  /** Inject an undici dispatcher for every backend (tests, proxies). */
  dispatcher?: Dispatcher;
  /**
   * Adapters to add, or to replace a configured one of the same `backend` (library users, tests).
   * Any adapter implementing core's capability interfaces joins every `mlops_*` tool; its own
   * tools are the caller's to add.
   */
  adapters?: readonly BackendAdapter[];
}

/**
 * A configured gateway as the transports and commands use it: its adapters, the selected tools
 * and MCP servers built from them. (`Gateway` holds the tools' definitions, `ServingGateway`
 * their listings.)
 */
export interface GatewayBase {
  readonly config: GatewayConfig;
  /** The selected tools, in tools/list order. */
  readonly tools: readonly ToolMeta[];
  /** The enabled backends (not per-request ones): namespace and URL, adapters made or not. */
  readonly backends: readonly { readonly name: string; readonly url: string }[];
  /** The enabled adapters by namespace, made now if they were not yet. */
  loadAdapters(): Promise<ReadonlyMap<string, BackendAdapter>>;
  /**
   * A fresh MCP server with every selected tool registered (one per connection or request).
   * With per-request backend headers enabled, `headers` of the HTTP request supply its own
   * backend credentials for this server only.
   */
  createServer(headers?: HeaderSource): McpServer;
  /** Calls a selected tool directly, without MCP; the same path MCP calls take. */
  callTool(
    name: string,
    args: Record<string, unknown>,
    signal?: AbortSignal,
  ): ReturnType<typeof callTool>;
  close(): Promise<void>;
}

/** A gateway whose tools are listings: a tool's module may load on its first call. */
export interface ServingGateway extends GatewayBase {
  readonly tools: readonly ToolListing[];
}

/** What a gateway is assembled from: every tool it knows, and its backends' adapters. */
export interface GatewayParts {
  /** Every tool of this build, enabled or not, in tools/list order. */
  known: readonly ToolListing[];
  /** Names of the code-mode tools (their client is the bound functions, not an adapter). */
  codeTools: ReadonlySet<string>;
  /**
   * The enabled backends' adapters (configured and given in `options.adapters`): made, or made
   * on first use (the first call that needs one), by namespace.
   */
  adapters:
    | ReadonlyMap<string, BackendAdapter>
    | (() => Promise<ReadonlyMap<string, BackendAdapter>>);
  /** The namespaces `adapters` holds, each with the capabilities its adapter implements. */
  backends: ReadonlyMap<string, readonly CapabilityName[]>;
  /** Factories for per-request adapters (backends named by request headers), when enabled. */
  requestFactories: ReadonlyMap<string, AdapterFactory>;
}

/**
 * Builds a gateway from a resolved configuration and its parts (see `createGateway` and
 * `openGateway`). Throws ConfigError on a bad selection.
 */
export function assembleGateway(
  config: GatewayConfig,
  options: GatewayOptions,
  parts: GatewayParts,
): ServingGateway {
  const logger = options.logger ?? silentLogger;
  const timeouts = backendTimeouts(config);
  let made: Promise<ReadonlyMap<string, BackendAdapter>> | undefined =
    typeof parts.adapters === 'function' ? undefined : Promise.resolve(parts.adapters);
  const lazyAdapters = parts.adapters;
  const loadAdapters = () => {
    if (made === undefined && typeof lazyAdapters === 'function') made = lazyAdapters();
    return made!;
  };
  // Per-request adapters share one keep-alive pool instead of opening one each.
  // undici is loaded here only then (CommonJS: `require` is synchronous); otherwise each
  // adapter's client loads it with its pool on its first request.
  const requestDispatcher = config.http.backendHeaders
    ? (options.dispatcher ??
      new (createRequire(import.meta.url)('undici') as { Agent: typeof Agent }).Agent())
    : undefined;
  // What the enabled backends can do: what their adapters implement; a per-request backend
  // has none yet, so its catalog entry says what its adapter implements.
  const capabilities = new Set<CapabilityName>([
    ...[...parts.backends.values()].flat(),
    ...BACKEND_INFO.filter((backend) =>
      config.perRequestBackends.includes(backend.namespace),
    ).flatMap((backend) => backend.capabilities),
  ]);
  const present = new Set(parts.backends.keys());
  const enabled = new Set([
    ...present,
    ...config.perRequestBackends,
    // Cross-backend tools work whenever at least one backend does.
    ...(present.size + config.perRequestBackends.length > 0 ? ['mlops'] : []),
  ]);
  const isCodeTool = (tool: ToolListing) => parts.codeTools.has(tool.name);
  const tools = selectTools({
    known: parts.known,
    capabilities,
    enabled,
    toolsets: config.toolsets,
    tools: config.tools,
    excludeTools: config.excludeTools,
    readOnly: config.readOnly,
    defaultProfile: DEFAULT_PROFILE,
  });
  // Code mode binds every read tool of the enabled backends, whatever the listed profile.
  const boundTools = selectTools({
    known: parts.known.filter((tool) => !isCodeTool(tool)),
    capabilities,
    enabled,
    toolsets: ['all'],
    excludeTools: config.excludeTools,
    readOnly: true,
  });
  /** The bound tools' definitions, loaded on the first code-mode call. */
  let boundDefinitions: Promise<AnyToolDefinition[]> | undefined;
  const codeLimits = {
    timeoutMs: config.code.timeoutMs,
    memoryBytes: config.code.memoryMb * 1024 * 1024,
    maxCalls: config.code.maxCalls,
  };
  const deps = { logger, maxResponseTokens: config.maxResponseTokens };
  const knownByName = new Map(parts.known.map((tool) => [tool.name, tool]));
  // Everything below is built once per gateway, not per server: stateless HTTP builds a server
  // for every request, and none of this depends on the request.
  const prompts = workflowPrompts({ tools, readOnly: config.readOnly });
  /** The known backends missing from `enabled`, and how to turn each on. */
  const absentFrom = (enabledHere: ReadonlyMap<string, unknown>): AbsentBackend[] =>
    BACKEND_INFO.filter((backend) => !enabledHere.has(backend.namespace)).map((backend) => {
      const header = config.perRequestBackends.includes(backend.namespace)
        ? Object.entries(backend.headerEnv).find(([, env]) => env === backend.enableEnv)?.[0]
        : undefined;
      return {
        backend: backend.namespace,
        label: backend.label,
        capabilities: backend.capabilities,
        enable: header
          ? `send the ${header} header (per-request credentials)`
          : `set ${backend.enableEnv}`,
      };
    });
  let sharedCross: Promise<CrossContext> | undefined;
  /** What the cross-backend tools get: the gateway's adapters plus this request's own. */
  const crossContext = async (
    perRequest?: ReadonlyMap<string, BackendAdapter>,
  ): Promise<CrossContext> => {
    if (!perRequest) {
      sharedCross ??= loadAdapters().then((adapters) => ({
        adapters: new Map(adapters) as Map<BackendId, BackendAdapter>,
        absent: absentFrom(adapters),
      }));
      return sharedCross;
    }
    const merged = new Map([...(await loadAdapters()), ...perRequest]) as Map<
      BackendId,
      BackendAdapter
    >;
    return { adapters: merged, absent: absentFrom(merged) };
  };
  /** A tool's client (an adapter, the cross context or the code context), made on its call. */
  const clientOf =
    (tool: ToolListing, perRequest: ReadonlyMap<string, BackendAdapter> | undefined) =>
    async (): Promise<unknown> => {
      if (isCodeTool(tool)) return codeContext(perRequest);
      return clientFor(tool, perRequest, await crossContext(perRequest));
    };
  const clientFor = (
    tool: { name: string; namespace: string },
    perRequest: ReadonlyMap<string, BackendAdapter> | undefined,
    cross: CrossContext,
  ): unknown => {
    if (tool.namespace === 'mlops') return cross;
    return (
      perRequest?.get(tool.namespace) ??
      cross.adapters.get(tool.namespace as BackendId) ??
      missingClient(tool)
    );
  };
  /** What the code-mode tools get: every read tool bound to this request's clients. */
  const codeContext = async (
    perRequest: ReadonlyMap<string, BackendAdapter> | undefined,
  ): Promise<CodeContext> => {
    boundDefinitions ??= Promise.all(boundTools.map((tool) => tool.definition()));
    const cross = await crossContext(perRequest);
    return {
      functions: bindTools(await boundDefinitions, (tool) => clientFor(tool, perRequest, cross)),
      limits: codeLimits,
      logger,
    };
  };
  const missingClient = (tool: { namespace: string }) =>
    new InvalidInputError(`No ${tool.namespace} backend for this request.`, {
      hint: `Send the backend's headers with the request (e.g. X-MLflow-Tracking-Uri for mlflow); the gateway has no ${tool.namespace} settings of its own.`,
    });

  const backends = BACKEND_INFO.flatMap((backend) => {
    const settings = backend.configured(config);
    return settings === undefined || !present.has(backend.namespace)
      ? []
      : [{ name: backend.namespace, url: backend.url(settings) }];
  });

  return {
    config,
    tools,
    backends,
    loadAdapters,
    createServer(headers) {
      const perRequest =
        headers && requestDispatcher
          ? requestAdapters(
              headers,
              config,
              { logger, dispatcher: requestDispatcher, timeouts },
              parts.requestFactories,
            )
          : undefined;
      const server = new McpServer(
        { name: 'mlops-mcp', title: 'MLOps MCP gateway', version: VERSION },
        { capabilities: CAPABILITIES, instructions: INSTRUCTIONS },
      );
      for (const tool of tools) registerTool(server, tool, clientOf(tool, perRequest), deps);
      registerResources(server, {
        backends: new Set([...present, ...(perRequest?.keys() ?? [])]),
        adapters: async () => (await crossContext(perRequest)).adapters,
        tools: knownByName,
        excludeTools: config.excludeTools,
        ...deps,
      });
      addPrompts(server, prompts);
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
      const ctx = signal ? ({ mcpReq: { signal } } as never) : undefined;
      return callTool(tool, clientOf(tool, undefined), args, ctx, deps);
    },
    async close() {
      // Adapters never made (no call needed one) have nothing to close.
      const adapters = made === undefined ? new Map() : await made.catch(() => new Map());
      await Promise.all([...adapters.values()].map((adapter) => adapter.close()));
      if (requestDispatcher && !options.dispatcher) await requestDispatcher.close();
    },
  };
}

function errorResult(error: InvalidInputError): Awaited<ReturnType<typeof callTool>> {
  return { content: [{ type: 'text', text: toCompactJson(toErrorPayload(error)) }], isError: true };
}
