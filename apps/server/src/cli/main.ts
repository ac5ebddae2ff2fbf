#!/usr/bin/env node
import { ConfigError, MlopsError, toCompactJson } from '@mlops-mcp/core';
import { loadConfig } from '../config/load-config.js';
import { createGateway, type Gateway } from '../gateway.js';
import { createLogger } from '../logger.js';
import { startHttpServer } from '../transports/http-server.js';
import { runStdio } from '../transports/stdio.js';
import { VERSION } from '../version.js';
import { helpText } from './help.js';

const COMMANDS = ['serve', 'tools'] as const;
type Command = (typeof COMMANDS)[number];

/** Parses the command line, builds the gateway and runs the command; resolves to the exit code. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText(VERSION));
    return 0;
  }
  const first = argv[0];
  let command: Command = 'serve';
  let rest = argv;
  if (first !== undefined && !first.startsWith('-')) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      process.stderr.write(
        `mlops-mcp: unknown command "${first}"; commands: ${COMMANDS.join(', ')} (see --help).\n`,
      );
      return 2;
    }
    command = first as Command;
    rest = argv.slice(1);
  }

  let gateway: Gateway;
  const { config, skipped } = loadConfig(rest, process.env);
  const logger = createLogger(config.logLevel);
  gateway = createGateway(config, { logger });
  if (gateway.adapters.size === 0) {
    throw new ConfigError(
      'No backend is configured: set MLFLOW_TRACKING_URI (e.g. http://127.0.0.1:5000) to an MLflow tracking server.',
    );
  }

  if (command === 'tools') {
    for (const tool of gateway.tools) {
      process.stdout.write(`${tool.name}\t${tool.access}\t${tool.title}\n`);
    }
    await gateway.close();
    return 0;
  }

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
      backends: [...gateway.adapters.entries()].map(([name, adapter]) => ({
        name,
        url: adapter.baseUrl,
      })),
      skipped,
      tools: gateway.tools.length,
      readOnly: config.readOnly,
    },
    'mlops-mcp starting',
  );

  if (config.transport === 'http') {
    const server = await startHttpServer(gateway, logger);
    logger.info({ url: `${server.url}/mcp`, health: `${server.url}/health` }, 'listening');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    await gateway.close();
    return 0;
  }

  const stopOnSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.race([
    runStdio(gateway, (error) => logger.warn({ err: error.message }, 'stdio error')),
    stopOnSignal,
  ]);
  await gateway.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (MlopsError.isInstance(error) && error.kind === 'config') {
      process.stderr.write(`mlops-mcp: ${error.message}\n`);
      process.exit(2);
    }
    const message = MlopsError.isInstance(error)
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`mlops-mcp: ${toCompactJson({ fatal: message })}\n`);
    process.exit(1);
  },
);
