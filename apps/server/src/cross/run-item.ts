import { type MetricValue, MetricValueSchema, type Run, RunStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** A run as cross-backend tools list it: enough to rank and to follow up with the backend's tools. */
export const CrossRunSchema = z.object({
  backend: z.string(),
  uri: z.string().describe('ref.uri: pass to mlops_compare_runs or the backend get_run tool.'),
  id: z.string(),
  name: z.string().optional(),
  experimentId: z.string(),
  status: RunStatusSchema,
  rawStatus: z.string(),
  startedAt: z.string().optional(),
  metrics: z.record(z.string(), MetricValueSchema).optional(),
});
export type CrossRun = z.infer<typeof CrossRunSchema>;

const MAX_METRICS = 8;

/** Shrinks a neutral run for a merged listing, keeping the metrics that matter first. */
export function toCrossRun(run: Run, preferredMetrics: readonly string[]): CrossRun {
  const item: CrossRun = {
    backend: run.ref.backend,
    uri: run.ref.uri,
    id: run.id,
    experimentId: run.experimentId,
    status: run.status,
    rawStatus: run.rawStatus,
  };
  if (run.name) item.name = run.name;
  if (run.startedAt) item.startedAt = run.startedAt;
  const metrics = run.metrics ?? {};
  const keys = [
    ...preferredMetrics.filter((key) => key in metrics),
    ...Object.keys(metrics)
      .filter((key) => !preferredMetrics.includes(key))
      .sort(),
  ].slice(0, MAX_METRICS);
  if (keys.length > 0) {
    item.metrics = Object.fromEntries(keys.map((key) => [key, metrics[key] as MetricValue]));
  }
  return item;
}
