import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import {
  keyInput,
  keyValueMapInput,
  MAX_PARAM_VALUE_LENGTH,
  MAX_RUN_TAG_VALUE_LENGTH,
  metricValueInput,
  runIdInput,
  stepInput,
  timeInput,
  toMillis,
} from './run-write-inputs.js';
import { LOG_BATCH_LIMITS, logBatch } from './runs-api.js';

const {
  metrics: MAX_METRICS,
  params: MAX_PARAMS,
  tags: MAX_TAGS,
  total: MAX_TOTAL,
} = LOG_BATCH_LIMITS;

const MetricPointInput = z.object({
  key: keyInput('Metric', 'allow').describe('Metric name.'),
  value: metricValueInput,
  step: stepInput,
  timestamp: timeInput.optional().describe('Epoch ms or ISO 8601; default now.'),
});

/** mlflow_log_batch: metrics, params and tags in one request. Listed only when writes are enabled. */
export const logBatchTool = defineMlflowTool({
  name: 'mlflow_log_batch',
  title: 'Log metrics, params and tags to an MLflow run',
  description:
    'Log metrics, params and tags to an active MLflow run in one all-or-nothing call; params are write-once.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  inputSchema: z
    .object({
      runId: runIdInput,
      metrics: z
        .array(MetricPointInput)
        .max(
          MAX_METRICS,
          `metrics: at most ${MAX_METRICS} points per call (MLflow's log-batch limit); split them over several calls.`,
        )
        .default([])
        .describe('e.g. [{"key":"loss","value":0.31,"step":100}].'),
      params: keyValueMapInput({
        what: 'Param',
        max: MAX_PARAMS,
        maxValueLength: MAX_PARAM_VALUE_LENGTH,
        reserved: 'allow',
      }).default({}),
      tags: keyValueMapInput({
        what: 'Tag',
        max: MAX_TAGS,
        maxValueLength: MAX_RUN_TAG_VALUE_LENGTH,
        reserved: 'refuse',
      }).default({}),
    })
    .superRefine((input, ctx) => {
      const params = Object.keys(input.params).length;
      const tags = Object.keys(input.tags).length;
      const total = input.metrics.length + params + tags;
      if (total === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['metrics'],
          message: 'Nothing to log: give at least one metric, param or tag.',
        });
      } else if (total > MAX_TOTAL) {
        ctx.addIssue({
          code: 'custom',
          path: ['metrics'],
          message: `metrics + params + tags: at most ${MAX_TOTAL} items per call in all (got ${total}); split them over several calls.`,
        });
      }
    }),
  outputSchema: z.object({
    runId: z.string(),
    logged: z.object({ metrics: z.number(), params: z.number(), tags: z.number() }),
  }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    const now = Date.now();
    const metrics = input.metrics.map((metric) => ({
      key: metric.key,
      value: metric.value,
      step: metric.step,
      timestamp: metric.timestamp === undefined ? now : toMillis(metric.timestamp),
    }));
    await logBatch(client, runId, { metrics, params: input.params, tags: input.tags }, { signal });
    return {
      runId,
      logged: {
        metrics: metrics.length,
        params: Object.keys(input.params).length,
        tags: Object.keys(input.tags).length,
      },
    };
  },
});
