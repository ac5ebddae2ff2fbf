import type { ViteUserConfig } from 'vitest/config';

/** Resolve workspace packages to their TypeScript source (tests, and global set-up files). */
const sourceConditions = { conditions: ['@mlops-mcp/source'] };

/** Test settings every package shares: resolve workspace packages to their TypeScript source. */
export const shared: ViteUserConfig = {
  resolve: sourceConditions,
  ssr: { resolve: sourceConditions },
  // globalSetup files run in vitest's own environment; they resolve sources the same way.
  environments: { __vitest__: { resolve: sourceConditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Test files share the run's real backends (test/global-setup.ts); keep files serial on 2 cores.
    fileParallelism: false,
    // The JSON report lets scripts/test-summary.mjs print one closing line for all packages.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
};

/** `shared`, plus a global set-up that starts (or reuses) the real backends the package's tests share. */
export function withBackends(globalSetup = 'test/global-setup.ts'): ViteUserConfig {
  return { ...shared, test: { ...shared.test, globalSetup: [globalSetup] } };
}
