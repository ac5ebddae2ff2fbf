/**
 * The logging surface core and adapters use. pino's Logger satisfies it, so the server passes
 * its pino instance in; libraries default to a silent logger and never touch stdout.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that discards everything; the default for library use. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
