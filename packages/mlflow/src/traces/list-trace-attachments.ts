import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { TraceAttachmentSchema } from './trace-attachment-model.js';
import { listTraceAttachments } from './trace-attachments-api.js';
import { parseTraceId } from './trace-id.js';
import { traceIdInput } from './trace-inputs.js';

/** mlflow_list_trace_attachments: the images, audio and files a trace's spans carry. */
export const listTraceAttachmentsTool = defineMlflowTool({
  name: 'mlflow_list_trace_attachments',
  title: 'List the attachments of an MLflow trace',
  description:
    "List the binary attachments (images, audio, PDFs) an MLflow trace's spans refer to.",
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({ traceId: traceIdInput }),
  outputSchema: z.object({ traceId: z.string(), items: z.array(TraceAttachmentSchema) }),
  async handler(input, { client, signal }) {
    const traceId = parseTraceId(input.traceId);
    return { traceId, items: await listTraceAttachments(client, traceId, { signal }) };
  },
});
