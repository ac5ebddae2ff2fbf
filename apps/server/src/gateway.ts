import type { AnyToolDefinition } from '@mlops-mcp/core';
import { BACKENDS } from './backends/catalog.js';
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
}

/**
 * Builds a gateway from a configuration (see `loadConfig` for env/CLI), every backend package
 * loaded: the library entry, for custom agents and tests. (The CLI starts with `openGateway`,
 * which lists tools from the build's manifest and loads a package only when it is used.)
 * Throws ConfigError on bad selection.
 */
export function createGateway(input: GatewayConfigInput, options: GatewayOptions = {}): Gateway {
  const config = GatewayConfigSchema.parse(input);
  const definitions: AnyToolDefinition[] = [
    ...crossTools,
    ...codeTools,
    ...BACKENDS.flatMap((backend) => backend.tools),
  ];
  const byListing = new Map(definitions.map((tool) => [listingOf(tool), tool]));
  const gateway = assembleGateway(config, options, {
    known: [...byListing.keys()],
    codeTools: new Set(codeTools.map((tool) => tool.name)),
    factories: new Map(BACKENDS.map((backend) => [backend.namespace, backend.create])),
  });
  return { ...gateway, tools: gateway.tools.map((listing) => byListing.get(listing)!) };
}
