import type { Logger } from '@mlops-mcp/core';
import type { GatewayBase } from '../../gateway-core.js';
import { VERSION } from '../../version.js';

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** Serves MCP over the configured transport until the client leaves or a signal arrives. */
export async function serve(
  gateway: GatewayBase,
  logger: Logger,
  skipped: string[],
): Promise<number> {
  const { config } = gateway;
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { err: reason instanceof Error ? reason.message : String(reason) },
      'unhandled rejection',
    );
  });
  logger.info(
    {
      version: VERSION,
      transport: config.transport,
      backends: gateway.backends,
      skipped,
      tools: gateway.tools.length,
      readOnly: config.readOnly,
    },
    'mlops-mcp starting',
  );
  // Each transport's stack (the HTTP one: node:http, the SDK's HTTP handler, Host/Origin guards)
  // is loaded only when it serves: a stdio start never pays for HTTP, nor HTTP for stdio.
  if (config.transport === 'http') {
    const { startHttpServer } = await import('../../transports/http-server.js');
    const server = await startHttpServer(gateway, logger);
    logger.info({ url: `${server.url}/mcp`, health: `${server.url}/health` }, 'listening');
    await untilSignal();
    await server.close();
    return 0;
  }
  const { runStdio } = await import('../../transports/stdio.js');
  return Promise.race([runStdio(gateway, logger), untilSignal().then(() => 0)]);
}
