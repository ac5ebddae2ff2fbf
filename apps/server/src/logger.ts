import { secrets } from '@mlops-mcp/core';
import { type Logger as PinoLogger, pino } from 'pino';

/**
 * The gateway logger: pino JSON on stderr (stdout is the MCP channel in stdio mode), with every
 * message and field passed through secret redaction.
 */
export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
): PinoLogger {
  return pino(
    {
      name: 'mlops-mcp',
      level,
      formatters: { log: (object) => secrets.redactDeep(object) },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg) => (typeof arg === 'string' ? secrets.redact(arg) : arg));
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    destination as never,
  );
}
