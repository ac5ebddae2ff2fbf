import { RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { createRun } from '../api/runs.js';
import { parseExperimentId } from '../experiment-id.js';
import { defineMlflowTool } from './define.js';
import { experimentIdInput } from './experiment-inputs.js';
import {
  keyValueMapInput,
  MAX_RUN_TAG_VALUE_LENGTH,
  timeInput,
  toMillis,
} from './run-write-inputs.js';

/** mlflow_create_run: start a new run in an experiment. Listed only when writes are enabled. */
export const createRunTool = defineMlflowTool({
  name: 'mlflow_create_run',
  title: 'Create an MLflow run',
  description:
    'Create a new MLflow run (status RUNNING) in an active experiment, to log metrics, params and tags to ' +
    '(mlflow_log_batch, mlflow_log_metric, mlflow_log_param) and finish with mlflow_update_run. The experiment id comes ' +
    'from mlflow_search_experiments, mlflow_get_experiment_by_name or mlflow_create_experiment.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    runName: z
      .string()
      .min(1)
      .max(250)
      .optional()
      .describe('Run name shown in MLflow; omit for a generated one.'),
    startTime: timeInput
      .optional()
      .describe('Start time, epoch ms or ISO 8601 (e.g. 2026-05-01T12:00:00Z); default now.'),
    tags: keyValueMapInput({
      what: 'Run tag',
      max: 100,
      maxValueLength: MAX_RUN_TAG_VALUE_LENGTH,
      reserved: 'refuse',
    })
      .optional()
      .describe(
        'Tags, e.g. {"stage": "sft", "invocation_id": "a1b2"} (at most 100; mlflow.* reserved).',
      ),
  }),
  outputSchema: RunSchema,
  async handler(input, { client, signal }) {
    return createRun(
      client,
      {
        experimentId: parseExperimentId(input.experimentId),
        runName: input.runName,
        startTime: input.startTime === undefined ? Date.now() : toMillis(input.startTime),
        tags: input.tags,
      },
      { signal },
    );
  },
});
