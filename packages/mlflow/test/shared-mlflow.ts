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

/** What python/seed_mlflow_metrics.py returns (`seed.extras.metrics`): metric and artifact fixtures. */
export interface MetricsSeed {
  runId: string;
  longKey: string;
  longPoints: number;
  longMin: number;
  longMax: number;
  longFirst: number;
  longLast: number;
  longMean: number;
  spikeStep: number;
  shortKey: string;
  nanKey: string;
  nestedDir: string;
  nestedFiles: number;
  csvPath: string;
  csvRows: number;
  binaryPath: string;
  binaryBytes: number;
  blobPath: string;
  logPath: string;
  logBytes: number;
  firstLogLine: string;
  markdownPath: string;
}

/** The metric and artifact fixtures of the shared seed. */
export const metricsSeed = (seed: MlflowSeed) => seed.extras.metrics as MetricsSeed;
