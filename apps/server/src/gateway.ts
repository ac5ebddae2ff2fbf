import {
  type AnyToolDefinition,
  type BackendAdapter,
  capabilityNames,
  silentLogger,
} from '@mlops-mcp/core';
import { BACKENDS, backendTimeouts } from './backends/catalog.js';
import { codeTools } from './code/code-tools.js';
import { type GatewayConfigInput, GatewayConfigSchema } from './config/gateway-config.js';
import { crossTools } from './cross/tools/index.js';
import { assembleGateway, type GatewayBase, type GatewayOptions } from './gateway-core.js';
import { listingOf } from './tools/tool-listing.js';

export type { GatewayBase, GatewayOptions, ServingGateway } from './gateway-core.js';

/** A configured gateway: its adapters, the selected tools, and MCP servers built from them. */
export interface Gateway extends GatewayBase {
  /** The selected tools, in tools/list order. */
  readonly tools: readonly AnyToolDefinition[];
  /** Enabled adapters by namespace. */
  readonly adapters: ReadonlyMap<string, BackendAdapter>;
}

/**
 * Builds a gateway from a configuration (see `loadConfig` for env/CLI), every backend package
 * loaded: the library entry, for custom agents and tests. (The CLI starts with `openGateway`,
 * which lists tools from the build's manifest and loads a package only when it is used.)
 * Throws ConfigError on bad selection.
 */
export function createGateway(input: GatewayConfigInput, options: GatewayOptions = {}): Gateway {
  const config = GatewayConfigSchema.parse(input);
  const deps = {
    logger: options.logger ?? silentLogger,
    dispatcher: options.dispatcher,
    timeouts: backendTimeouts(config),
  };
  const adapters = new Map<string, BackendAdapter>();
  for (const backend of BACKENDS) {
    const settings = backend.configured(config);
    if (settings !== undefined) adapters.set(backend.namespace, backend.create(settings, deps));
  }
  for (const adapter of options.adapters ?? []) adapters.set(adapter.backend, adapter);
  const definitions: AnyToolDefinition[] = [
    ...crossTools,
    ...codeTools,
    ...BACKENDS.flatMap((backend) => backend.tools),
  ];
  const byListing = new Map(definitions.map((tool) => [listingOf(tool), tool]));
  const gateway = assembleGateway(config, options, {
    known: [...byListing.keys()],
    codeTools: new Set(codeTools.map((tool) => tool.name)),
    adapters,
    backends: new Map([...adapters].map(([name, adapter]) => [name, capabilityNames(adapter)])),
    requestFactories: new Map(BACKENDS.map((backend) => [backend.namespace, backend.create])),
  });
  return {
    ...gateway,
    adapters,
    tools: gateway.tools.map((listing) => byListing.get(listing)!),
  };
}
