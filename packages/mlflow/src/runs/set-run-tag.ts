import { z } from 'zod';
import { writableTagKeyInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';

/** mlflow_set_run_tag: set (or overwrite) one tag on a run. Listed only when writes are enabled. */
export const setRunTagTool = defineMlflowTool({
  name: 'mlflow_set_run_tag',
  title: 'Set a tag on an MLflow run',
  description: 'Set one tag on an MLflow run, overwriting that key.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    runId: z.string().min(1).max(200).describe('MLflow run id or mlflow://runs/<id>.'),
    key: writableTagKeyInput.describe('Tag key.'),
    value: z.string().max(8000),
  }),
  outputSchema: z.object({ runId: z.string(), key: z.string(), value: z.string() }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    await client.setRunTag(runId, input.key, input.value, { signal });
    return { runId, key: input.key, value: input.value };
  },
});
