import { secrets } from '@mlops-mcp/core';
import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';

/**
 * The gateway logger: pino JSON on stderr (stdout is the MCP channel in stdio mode), with every
 * message and field passed through secret redaction. By default lines go to fd 2 asynchronously
 * (pino's SonicBoom; pino flushes it when the process exits): `process.stderr` on a pipe is
 * synchronous on Linux, and the one `tool call` line per call made each stdio call ~0.6 ms slower
 * at p50 (docs/BENCHMARKS.md).
 */
export function createLogger(
  level: string,
  // maxLength: a stderr nobody reads drops lines past 16 MiB of backlog rather than grow the heap.
  destination: DestinationStream = pino.destination({
    dest: 2,
    sync: false,
    maxLength: 16 * 2 ** 20,
  }),
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
    destination,
  );
}
