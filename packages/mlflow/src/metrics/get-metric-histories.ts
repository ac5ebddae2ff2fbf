import { estimateTokens, shrinkSeries, toCompactJson } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseRunId } from '../runs/run-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { type MlflowMetricSeries, MlflowMetricSeriesSchema } from './metric-series-schema.js';
import { getMetricHistories } from './metrics-api.js';
import { includeTimestampsInput, maxPointsInput, metricKeyInput } from './metrics-inputs.js';

/** Fewest points per series kept when shrinking to the response budget. */
const MIN_POINTS = 10;

const RunKeySchema = z.object({ runId: z.string(), key: z.string() });

const OutputSchema = z.object({
  series: z
    .array(MlflowMetricSeriesSchema)
    .describe('One series per run and key, runs in input order.'),
  missing: z
    .array(RunKeySchema)
    .optional()
    .describe('Run/key pairs with no points: the run does not exist or never logged that key.'),
  pointsPerSeries: z
    .number()
    .optional()
    .describe('Set when series were downsampled below maxPoints to fit the response budget.'),
  truncated: z
    .boolean()
    .optional()
    .describe('True when whole series were left out to fit the response budget (see omitted).'),
  omitted: z.array(RunKeySchema).optional().describe('Series left out; ask for them separately.'),
});

/** mlflow_get_metric_histories: histories of many runs × keys in one call, for comparing curves. */
export const getMetricHistoriesTool = defineMlflowTool({
  name: 'mlflow_get_metric_histories',
  title: 'Get MLflow metric histories of several runs',
  description:
    'Histories of up to 10 metrics for up to 100 MLflow runs (e.g. a sweep) as steps[]/values[] with stats.',
  namespace: 'mlflow',
  toolsets: ['metrics'],
  access: 'read',
  inputSchema: z.object({
    runIds: z.array(z.string().min(1).max(200)).min(1).max(100),
    keys: z.array(metricKeyInput).min(1).max(10),
    maxPoints: maxPointsInput,
    includeTimestamps: includeTimestampsInput,
  }),
  outputSchema: OutputSchema,
  async handler(input, { client, signal, maxResponseTokens }) {
    const runIds = input.runIds.map((id) => parseRunId(id, 'runIds'));
    const { series, missing } = await getMetricHistories(
      client,
      {
        runIds,
        keys: input.keys,
        maxPoints: input.maxPoints,
        includeTimestamps: input.includeTimestamps,
      },
      { signal },
    );
    return fitToBudget(
      { series, ...(missing.length ? { missing } : {}) },
      input.maxPoints,
      maxResponseTokens,
    );
  },
});

type Output = z.infer<typeof OutputSchema>;

/** Halves points per series until the answer fits; below MIN_POINTS drops series from the end. */
function fitToBudget(output: Output, maxPoints: number, maxTokens: number): Output {
  const fits = (candidate: Output) => estimateTokens(toCompactJson(candidate)) <= maxTokens;
  let current = output;
  let points = maxPoints;
  while (!fits(current) && points > MIN_POINTS) {
    points = Math.max(MIN_POINTS, Math.floor(points / 2));
    current = {
      ...output,
      series: output.series.map((s) => shrinkSeries(s, points)),
      pointsPerSeries: points,
    };
  }
  if (fits(current)) return current;
  const kept: MlflowMetricSeries[] = [...current.series];
  const omitted: Output['omitted'] = [];
  while (kept.length > 1 && !fits({ ...current, series: kept, truncated: true, omitted })) {
    const dropped = kept.pop()!;
    omitted.unshift({ runId: dropped.run.id, key: dropped.key });
  }
  return omitted.length ? { ...current, series: kept, truncated: true, omitted } : current;
}
