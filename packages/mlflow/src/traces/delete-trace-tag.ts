import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseTraceId } from './trace-id.js';
import { traceIdInput, traceTagKeyInput } from './trace-inputs.js';
import { deleteTraceTag } from './trace-writes-api.js';

/** mlflow_delete_trace_tag: remove one tag from a trace. */
export const deleteTraceTagTool = defineMlflowTool({
  name: 'mlflow_delete_trace_tag',
  title: 'Delete a tag from an MLflow trace',
  description: 'Remove one tag from an MLflow trace (an unset key is not_found).',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ traceId: traceIdInput, key: traceTagKeyInput }),
  outputSchema: z.object({ traceId: z.string(), key: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const traceId = parseTraceId(input.traceId);
    await deleteTraceTag(client, traceId, input.key, { signal });
    return { traceId, key: input.key, deleted: true as const };
  },
});
