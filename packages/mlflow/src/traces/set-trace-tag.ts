import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseTraceId } from './trace-id.js';
import { traceIdInput, traceTagKeyInput } from './trace-inputs.js';
import { setTraceTag } from './trace-writes-api.js';

/** mlflow_set_trace_tag: set (or overwrite) one tag on a trace. */
export const setTraceTagTool = defineMlflowTool({
  name: 'mlflow_set_trace_tag',
  title: 'Set a tag on an MLflow trace',
  description: `Set one tag on an MLflow trace, overwriting that key; filter on it with "tags.<key> = '<value>'".`,
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    traceId: traceIdInput,
    key: traceTagKeyInput,
    value: z.string().max(8000),
  }),
  outputSchema: z.object({ traceId: z.string(), key: z.string(), value: z.string() }),
  async handler(input, { client, signal }) {
    const traceId = parseTraceId(input.traceId);
    await setTraceTag(client, traceId, input.key, input.value, { signal });
    return { traceId, key: input.key, value: input.value };
  },
});
