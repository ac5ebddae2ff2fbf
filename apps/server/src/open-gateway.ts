import {
  type BackendAdapter,
  type CapabilityName,
  capabilityNames,
  silentLogger,
} from '@mlops-mcp/core';
import { BACKEND_INFO, backendTimeouts } from './backends/backend-info.js';
import { type GatewayConfigInput, GatewayConfigSchema } from './config/gateway-config.js';
import { assembleGateway, type GatewayOptions, type ServingGateway } from './gateway-core.js';
import { manifestCodeTools, manifestListings } from './tools/tool-manifest.js';

/**
 * Builds a gateway the way the CLI starts one: its tools are listed from the build's tool
 * manifest (names, descriptions, advertised input schemas), and a backend package is loaded
 * only when it is used: a configured backend's adapter on the first call that needs it, a
 * tool's definitions (zod schemas, handler) on its first call. With per-request credentials
 * on, every backend's adapter module is loaded at start (headers may name any backend). Serves
 * exactly what `createGateway` serves; tool-manifest.test.ts holds the manifest to the
 * definitions.
 */
export async function openGateway(
  input: GatewayConfigInput,
  options: GatewayOptions = {},
): Promise<ServingGateway> {
  const config = GatewayConfigSchema.parse(input);
  const deps = {
    logger: options.logger ?? silentLogger,
    dispatcher: options.dispatcher,
    timeouts: backendTimeouts(config),
  };
  const given = new Map((options.adapters ?? []).map((adapter) => [adapter.backend, adapter]));
  const configured = BACKEND_INFO.flatMap((backend) => {
    const settings = backend.configured(config);
    return settings === undefined ? [] : [{ backend, settings }];
  });
  // In the order `createGateway` makes them: the configured backends, then the adapters given.
  const backends = new Map<string, readonly CapabilityName[]>();
  for (const { backend } of configured) backends.set(backend.namespace, backend.capabilities);
  for (const adapter of given.values()) backends.set(adapter.backend, capabilityNames(adapter));
  const makeAdapters = async () => {
    const adapters = new Map<string, BackendAdapter>();
    for (const { backend, settings } of configured) {
      const made = given.get(backend.namespace) ?? (await backend.loadAdapter())(settings, deps);
      adapters.set(backend.namespace, made);
    }
    for (const adapter of given.values()) adapters.set(adapter.backend, adapter);
    return adapters;
  };
  const requestFactories = config.http.backendHeaders
    ? new Map(
        await Promise.all(
          BACKEND_INFO.map(
            async (backend) => [backend.namespace, await backend.loadAdapter()] as const,
          ),
        ),
      )
    : new Map();
  return assembleGateway(config, options, {
    known: manifestListings(),
    codeTools: manifestCodeTools(),
    adapters: makeAdapters,
    backends,
    requestFactories,
  });
}
