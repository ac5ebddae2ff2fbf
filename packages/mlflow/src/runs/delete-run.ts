import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import { runIdInput } from './run-write-inputs.js';
import { deleteRun } from './runs-api.js';

/** mlflow_delete_run: soft-delete a run. Listed only when writes are enabled. */
export const deleteRunTool = defineMlflowTool({
  name: 'mlflow_delete_run',
  title: 'Delete an MLflow run',
  description:
    'Delete an MLflow run (restorable with mlflow_restore_run until garbage collection).',
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
