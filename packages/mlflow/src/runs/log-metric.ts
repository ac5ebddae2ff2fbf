import { MetricValueSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import {
  keyInput,
  metricValueInput,
  runIdInput,
  stepInput,
  timeInput,
  toMillis,
} from './run-write-inputs.js';
import { logMetric } from './runs-api.js';

/** mlflow_log_metric: append one metric point. Listed only when writes are enabled. */
export const logMetricTool = defineMlflowTool({
  name: 'mlflow_log_metric',
  title: 'Log a metric to an MLflow run',
  description: 'Append one metric point (value, step, time) to an active MLflow run.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    runId: runIdInput,
    key: keyInput('Metric', 'allow'),
    value: metricValueInput,
    step: stepInput,
    timestamp: timeInput.optional().describe('Epoch ms or ISO 8601; default now.'),
  }),
  outputSchema: z.object({
    runId: z.string(),
    key: z.string(),
    value: MetricValueSchema,
    step: z.number(),
    timestamp: z.number().describe('Epoch milliseconds.'),
  }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    const point = {
      key: input.key,
      value: input.value,
      step: input.step,
      timestamp: input.timestamp === undefined ? Date.now() : toMillis(input.timestamp),
    };
    await logMetric(client, runId, point, { signal });
    return { runId, ...point };
  },
});
