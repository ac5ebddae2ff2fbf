import type { ViteUserConfig } from 'vitest/config';

/** Test settings every package shares: resolve workspace packages to their TypeScript source. */
export const shared: ViteUserConfig = {
  resolve: { conditions: ['@mlops-mcp/source'] },
  ssr: { resolve: { conditions: ['@mlops-mcp/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Integration suites share one real backend per file; keep files serial on 2 cores.
    fileParallelism: false,
    // The JSON report lets scripts/test-summary.mjs print one closing line for all packages.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
};
