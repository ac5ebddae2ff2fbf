import { RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { MLFLOW_RUN_STATUSES, updateRun } from '../api/runs.js';
import { parseRunId } from '../run-id.js';
import { defineMlflowTool } from './define.js';
import { runIdInput, timeInput, toMillis } from './run-write-inputs.js';

const TERMINAL = new Set(['FINISHED', 'FAILED', 'KILLED']);

/** mlflow_update_run: set a run's status, end time or name. Listed only when writes are enabled. */
export const updateRunTool = defineMlflowTool({
  name: 'mlflow_update_run',
  title: 'Update an MLflow run',
  description:
    "Set an MLflow run's status (e.g. FINISHED or FAILED to close it), end time and/or name. A final status " +
    '(FINISHED, FAILED, KILLED) without endTime ends the run now. Returns the run as MLflow then has it. ' +
    'The run id comes from mlflow_search_runs or mlflow_create_run; the run must not be deleted.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  inputSchema: z
    .object({
      runId: runIdInput,
      status: z
        .enum(MLFLOW_RUN_STATUSES)
        .optional()
        .describe('New status: RUNNING, SCHEDULED, FINISHED, FAILED or KILLED.'),
      endTime: timeInput
        .optional()
        .describe('End time, epoch ms or ISO 8601; default now when status is final.'),
      runName: z.string().min(1).max(250).optional().describe('New run name.'),
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
