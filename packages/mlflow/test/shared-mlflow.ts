import type { MlflowSeed } from '@mlops-mcp/testkit';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { afterAll } from 'vitest';
import { createMlflowAdapter, type MlflowAdapter } from '../src/index.js';

/**
 * The run's shared, seeded MLflow server (started once per run: test/global-setup.ts) and an
 * adapter for it, closed after the file. Tests that write isolate themselves with uniqueName().
 */
export function useSharedMlflow(): { url: string; seed: MlflowSeed; mlflow: MlflowAdapter } {
  const { url, seed } = sharedMlflow();
  const mlflow = createMlflowAdapter({ trackingUri: url });
  afterAll(() => mlflow.close());
  return { url, seed, mlflow };
}
