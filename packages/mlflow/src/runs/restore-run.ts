import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import { runIdInput } from './run-write-inputs.js';
import { restoreRun } from './runs-api.js';

/** mlflow_restore_run: undo a run delete. Listed only when writes are enabled. */
export const restoreRunTool = defineMlflowTool({
  name: 'mlflow_restore_run',
  title: 'Restore a deleted MLflow run',
  description:
    'Restore a deleted MLflow run (a run of a deleted experiment comes back with mlflow_restore_experiment).',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({ runId: runIdInput }),
  outputSchema: z.object({ runId: z.string(), lifecycle: z.literal('active') }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    await restoreRun(client, runId, { signal });
    return { runId, lifecycle: 'active' as const };
  },
});
