import { ConfigError, MlopsError, toCompactJson } from '@mlops-mcp/core';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../logger.js';
import { openGateway } from '../open-gateway.js';
import { VERSION } from '../version.js';
import { doctor } from './commands/doctor.js';
import { listTools } from './commands/list-tools.js';
import { serve } from './commands/serve.js';
import { maskedConfig } from './commands/show-config.js';
import { helpText } from './help.js';

const COMMANDS = ['serve', 'doctor', 'tools', 'config'] as const;
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
      throw new ConfigError(
        `unknown command "${first}"; commands: ${COMMANDS.join(', ')} (see --help).`,
      );
    }
    command = first as Command;
    rest = argv.slice(1);
  }
  const json = rest.includes('--json');
  if (json && command === 'serve')
    throw new ConfigError('--json goes with doctor, tools or config, not serve.');
  rest = rest.filter((arg) => arg !== '--json');

  const { config, skipped } = loadConfig(rest, process.env);
  if (command === 'config') {
    process.stdout.write(maskedConfig(config));
    return 0;
  }
  // Commands other than serve talk to a person: keep retry chatter out unless asked for.
  const explicitLevel = process.env.MLOPS_MCP_LOG_LEVEL || rest.includes('--log-level');
  const logger = createLogger(command === 'serve' || explicitLevel ? config.logLevel : 'error');
  const gateway = await openGateway(config, { logger });
  try {
    if (command === 'doctor')
      return await doctor(gateway, json, (text) => process.stdout.write(text));
    if (gateway.backends.length === 0 && config.perRequestBackends.length === 0) {
      throw new ConfigError(
        'No backend is configured: set MLFLOW_TRACKING_URI (an MLflow tracking server), WANDB_API_KEY (W&B) and/or PREFECT_API_URL (a Prefect API); mlops-mcp doctor shows what is missing.',
      );
    }
    if (command === 'tools') {
      process.stdout.write(
        json
          ? `${JSON.stringify(gateway.tools.map((tool) => ({ name: tool.name, access: tool.access, title: tool.title })))}\n`
          : listTools(gateway),
      );
      return 0;
    }
    return await serve(gateway, logger, skipped);
  } finally {
    await gateway.close();
  }
}

/** Runs the CLI with `argv` (the arguments after the script) and exits with its code. */
export function runCli(argv: string[]): void {
  main(argv).then(
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
}
