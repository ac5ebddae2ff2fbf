import { z } from 'zod';
import { deleteRun } from '../api/runs.js';
import { parseRunId } from '../run-id.js';
import { defineMlflowTool } from './define.js';
import { runIdInput } from './run-write-inputs.js';

/** mlflow_delete_run: soft-delete a run. Listed only when writes are enabled. */
export const deleteRunTool = defineMlflowTool({
  name: 'mlflow_delete_run',
  title: 'Delete an MLflow run',
  description:
    'Delete an MLflow run. MLflow keeps it as "deleted" (hidden from searches unless includeDeleted) until its ' +
    'garbage collection runs, so mlflow_restore_run can undo this. The run id comes from mlflow_search_runs.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  inputSchema: z.object({ runId: runIdInput }),
  outputSchema: z.object({ runId: z.string(), lifecycle: z.literal('deleted') }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    await deleteRun(client, runId, { signal });
    return { runId, lifecycle: 'deleted' as const };
  },
});
