import { RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import { runIdInput, timeInput, toMillis } from './run-write-inputs.js';
import { MLFLOW_RUN_STATUSES, updateRun } from './runs-api.js';

const TERMINAL = new Set(['FINISHED', 'FAILED', 'KILLED']);

/** mlflow_update_run: set a run's status, end time or name. Listed only when writes are enabled. */
export const updateRunTool = defineMlflowTool({
  name: 'mlflow_update_run',
  title: 'Update an MLflow run',
  description:
    "Set an MLflow run's status, end time or name; a final status without endTime ends it now.",
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  inputSchema: z
    .object({
      runId: runIdInput,
      status: z.enum(MLFLOW_RUN_STATUSES).optional(),
      endTime: timeInput
        .optional()
        .describe('Epoch ms or ISO 8601; default now for a final status.'),
      runName: z.string().min(1).max(250).optional(),
    })
    .refine(
      (input) =>
        input.status !== undefined || input.endTime !== undefined || input.runName !== undefined,
      'Give at least one of status, endTime or runName.',
    ),
  outputSchema: RunSchema.omit({ params: true, metrics: true, tags: true }),
  async handler(input, { client, signal }) {
    const endTime =
      input.endTime !== undefined
        ? toMillis(input.endTime)
        : input.status && TERMINAL.has(input.status)
          ? Date.now()
          : undefined;
    return updateRun(
      client,
      { runId: parseRunId(input.runId), status: input.status, endTime, runName: input.runName },
      { signal },
    );
  },
});
