import { setFlagsFromString } from 'node:v8';

/** What `loadWithSmallYoungGeneration` needs from the process; a test passes its own. */
export interface YoungGenerationHost {
  /** `v8.setFlagsFromString`. */
  setFlags(flags: string): void;
  /** The Node options the process was started with (`process.execArgv` and `NODE_OPTIONS`). */
  nodeOptions: readonly string[];
}

const processHost: YoungGenerationHost = {
  setFlags: setFlagsFromString,
  nodeOptions: [...process.execArgv, process.env.NODE_OPTIONS ?? ''],
};

/**
 * Runs `load` (the import of the CLI's module graph) with V8's young generation kept at its
 * initial size, then restores V8's default growth. Compiling and evaluating the bundle (zod, the
 * MCP SDK, our config) allocates mostly objects that live as long as the process: with the
 * default growth factor (2) the semi-spaces double from 1 to 4 MiB during that load alone and
 * stay resident, empty, for an idle stdio server's lifetime. The flag is set at run time on
 * purpose: given on the command line, V8 raises a factor below 2 to 2 when it sizes the heap,
 * and `node dist/cli/main.js` (how MCP clients and the bench start it) would not get a shebang
 * flag anyway. Growth is restored before the gateway serves, so request handling (HTTP under
 * load included) runs with V8's normal young generation. A user who tunes the semi-space
 * (`--max-semi-space-size`, `--semi-space-growth-factor`, in `NODE_OPTIONS` or on the command
 * line) is left alone. docs/ARCHITECTURE.md "Start-up" has the measurements.
 */
export async function loadWithSmallYoungGeneration<T>(
  load: () => Promise<T>,
  host: YoungGenerationHost = processHost,
): Promise<T> {
  if (host.nodeOptions.some((option) => /semi[-_]space/.test(option))) return load();
  host.setFlags('--semi-space-growth-factor=1');
  try {
    return await load();
  } finally {
    // V8's default (`node --v8-options`): the factor the young generation grows by when full.
    host.setFlags('--semi-space-growth-factor=2');
  }
}
