import { BACKEND_INFO } from './backends/backend-info.js';
import { type GatewayConfigInput, GatewayConfigSchema } from './config/gateway-config.js';
import { assembleGateway, type GatewayOptions, type ServingGateway } from './gateway-core.js';
import { manifestCodeTools, manifestListings } from './tools/tool-manifest.js';

/**
 * Builds a gateway the way the CLI starts one: its tools are listed from the build's tool
 * manifest (names, descriptions, advertised input schemas), and a backend package is loaded only
 * when that backend is used: its adapter when it is configured (or may come per request), its
 * tools' definitions (zod schemas, handlers) on the first call of one of them. Serves exactly
 * what `createGateway` serves; tool-manifest.test.ts holds the manifest to the definitions.
 */
export async function openGateway(
  input: GatewayConfigInput,
  options: GatewayOptions = {},
): Promise<ServingGateway> {
  const config = GatewayConfigSchema.parse(input);
  // Per-request credentials may name any backend, configured or not.
  const needed = BACKEND_INFO.filter(
    (backend) => config.http.backendHeaders || backend.configured(config) !== undefined,
  );
  const factories = new Map(
    await Promise.all(
      needed.map(async (backend) => [backend.namespace, await backend.loadAdapter()] as const),
    ),
  );
  return assembleGateway(config, options, {
    known: manifestListings(),
    codeTools: manifestCodeTools(),
    factories,
  });
}
