import { cpSync, readdirSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsdown';

/**
 * The CLI as one ESM file (dist/cli/main.js, over tsc's), with the code loaded on first use
 * (each transport, the chart renderer) in chunks beside it. The gateway is about 600 small
 * modules of our own; loading them one by one cost Node more than running them (resolution,
 * stat calls, one compile each), so the binary inlines every @mlops-mcp/* package from its
 * source, and the third-party packages every start loads (zod, the MCP SDK, pino, smol-toml).
 * The rest (undici, graphql, yaml, resvg: loaded on first use, resvg native) stay external,
 * resolved from this package's dependencies. dist/index.js and the rest of tsc's output stay as
 * they were, for the library entry. docs/ARCHITECTURE.md "Start-up" has the measurements.
 */
export default defineConfig({
  entry: { 'cli/main': 'src/cli/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node22.19',
  outDir: 'dist',
  // tsc's output shares dist/: keep it.
  clean: false,
  inputOptions: { resolve: { conditionNames: ['@mlops-mcp/source', 'import', 'node', 'default'] } },
  deps: {
    alwaysBundle: [
      /^@mlops-mcp\//,
      'zod',
      /^zod\//,
      /^@modelcontextprotocol\//,
      /^pino/,
      'smol-toml',
    ],
  },
  fixedExtension: false,
  dts: false,
  sourcemap: true,
  hooks: {
    // The chunks of an earlier build (hashed names; tsc's files in dist/ have none).
    'build:prepare': () => {
      const dir = new URL('./dist/', import.meta.url);
      for (const name of safeReaddir(dir)) {
        if (/-[\w-]{8}\.js(\.map)?$/.test(name)) rmSync(new URL(name, dir));
      }
    },
    // The chunks sit in dist/, as version.ts (../package.json) expects; charts reads its font
    // relative to its module: ../fonts/, this package's fonts/ (as in the published package).
    'build:done': () => {
      cpSync(
        new URL('../../packages/charts/fonts/', import.meta.url),
        new URL('./fonts/', import.meta.url),
        {
          recursive: true,
        },
      );
    },
  },
});

function safeReaddir(dir: URL): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
