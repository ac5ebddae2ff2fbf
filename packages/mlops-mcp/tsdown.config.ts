import { cpSync } from 'node:fs';
import { defineConfig } from 'tsdown';

/**
 * The published `mlops-mcp` package: the server and the workspace packages it is made of,
 * bundled from their TypeScript source into dist/ (one entry per public import path, shared
 * code in chunks), with bundled .d.ts. Third-party packages stay external: they are this
 * package's dependencies (a test checks that every import in dist/ is one).
 */
const src = (dir: string) => new URL(`../../${dir}/src/`, import.meta.url).pathname;

export default defineConfig({
  entry: {
    index: `${src('apps/server')}index.ts`,
    cli: `${src('apps/server')}cli/main.ts`,
    core: `${src('packages/core')}index.ts`,
    mlflow: `${src('packages/mlflow')}index.ts`,
    wandb: `${src('packages/wandb')}index.ts`,
    prefect: `${src('packages/prefect')}index.ts`,
    charts: `${src('packages/charts')}index.ts`,
  },
  format: 'esm',
  platform: 'node',
  target: 'node22.19',
  outDir: 'dist',
  clean: true,
  // Workspace packages resolve to their source (the condition tests use), so nothing needs a
  // prior build and nothing of @mlops-mcp/* is left external.
  inputOptions: { resolve: { conditionNames: ['@mlops-mcp/source', 'import', 'node', 'default'] } },
  fixedExtension: false,
  // Types of the workspace packages are bundled in (tsc resolves them to source); maps would
  // point at sources that are not published.
  dts: { resolver: 'tsc', sourcemap: false },
  sourcemap: false,
  hooks: {
    // charts reads its font relative to its module: ../fonts/ from dist/.
    'build:done': () => {
      cpSync(new URL('../charts/fonts/', import.meta.url), new URL('./fonts/', import.meta.url), {
        recursive: true,
      });
    },
  },
});
