import { z } from 'zod';
import { parseRunId } from '../runs/run-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowMetricSeriesSchema } from './metric-series-schema.js';
import { getMetricHistory } from './metrics-api.js';
import {
  includeTimestampsInput,
  maxPointsInput,
  metricKeyInput,
  runIdInput,
} from './metrics-inputs.js';

/** mlflow_get_metric_history: one metric's full history of one run, bounded and with stats. */
export const getMetricHistoryTool = defineMlflowTool({
  name: 'mlflow_get_metric_history',
  title: 'Get an MLflow metric history',
  description:
    "One MLflow metric's history as steps[]/values[] with stats, downsampled to maxPoints.",
  namespace: 'mlflow',
  toolsets: ['metrics'],
  access: 'read',
  inputSchema: z.object({
    runId: runIdInput,
    key: metricKeyInput,
    maxPoints: maxPointsInput,
    includeTimestamps: includeTimestampsInput,
  }),
  outputSchema: MlflowMetricSeriesSchema,
  async handler(input, { client, signal }) {
    return getMetricHistory(
      client,
      {
        runId: parseRunId(input.runId),
        key: input.key,
        maxPoints: input.maxPoints,
        includeTimestamps: input.includeTimestamps,
      },
      { signal },
    );
  },
});
