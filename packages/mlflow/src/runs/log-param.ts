import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';
import { keyInput, MAX_PARAM_VALUE_LENGTH, runIdInput } from './run-write-inputs.js';
import { logParam } from './runs-api.js';

/** mlflow_log_param: record one param. Listed only when writes are enabled. */
export const logParamTool = defineMlflowTool({
  name: 'mlflow_log_param',
  title: 'Log a param to an MLflow run',
  description:
    'Log one param on an active MLflow run; params are write-once (a different value is refused).',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    runId: runIdInput,
    key: keyInput('Param', 'allow'),
    value: z.string().max(MAX_PARAM_VALUE_LENGTH),
  }),
  outputSchema: z.object({ runId: z.string(), key: z.string(), value: z.string() }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    await logParam(client, runId, input.key, input.value, { signal });
    return { runId, key: input.key, value: input.value };
  },
});
