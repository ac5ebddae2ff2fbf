import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import { keyInput, runIdInput } from './run-write-inputs.js';
import { deleteRunTag } from './runs-api.js';

/** mlflow_delete_run_tag: remove one run tag. Listed only when writes are enabled. */
export const deleteRunTagTool = defineMlflowTool({
  name: 'mlflow_delete_run_tag',
  title: 'Delete a tag from an MLflow run',
  description: 'Remove one tag from an active MLflow run.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  inputSchema: z.object({
    runId: runIdInput,
    key: keyInput('Run tag', 'refuse'),
  }),
  outputSchema: z.object({ runId: z.string(), key: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    await deleteRunTag(client, runId, input.key, { signal });
    return { runId, key: input.key, deleted: true as const };
  },
});
