import { RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { experimentIdInput } from '../experiments/experiment-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  keyValueMapInput,
  MAX_RUN_TAG_VALUE_LENGTH,
  timeInput,
  toMillis,
} from './run-write-inputs.js';
import { createRun } from './runs-api.js';

/** mlflow_create_run: start a new run in an experiment. Listed only when writes are enabled. */
export const createRunTool = defineMlflowTool({
  name: 'mlflow_create_run',
  title: 'Create an MLflow run',
  description: 'Create an MLflow run (RUNNING) to log to; finish it with mlflow_update_run.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    runName: z.string().min(1).max(250).optional(),
    startTime: timeInput.optional().describe('Epoch ms or ISO 8601; default now.'),
    tags: keyValueMapInput({
      what: 'Run tag',
      max: 100,
      maxValueLength: MAX_RUN_TAG_VALUE_LENGTH,
      reserved: 'refuse',
    }).optional(),
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
