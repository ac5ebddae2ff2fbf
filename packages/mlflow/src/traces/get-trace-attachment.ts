import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { describeAttachment, TraceAttachmentContentSchema } from './trace-attachment-content.js';
import { parseAttachmentId, readTraceAttachment } from './trace-attachments-api.js';
import { parseTraceId } from './trace-id.js';
import { traceIdInput } from './trace-inputs.js';

/** mlflow_get_trace_attachment: read one attachment of a trace, capped. */
export const getTraceAttachmentTool = defineMlflowTool({
  name: 'mlflow_get_trace_attachment',
  title: 'Read an attachment of an MLflow trace',
  description:
    'Read one MLflow trace attachment: text as text, binaries as type and size (base64 only if asked).',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    traceId: traceIdInput,
    attachmentId: z.string().min(1).max(64),
    contentType: z.string().max(200).optional().describe('From mlflow_list_trace_attachments.'),
    maxBytes: z.number().int().min(1).max(1_000_000).default(20_000),
    includeBase64: z.boolean().default(false).describe('Costly in tokens.'),
  }),
  outputSchema: TraceAttachmentContentSchema.extend({
    traceId: z.string(),
    attachmentId: z.string(),
  }),
  async handler(input, { client, signal }) {
    const traceId = parseTraceId(input.traceId);
    const attachmentId = parseAttachmentId(input.attachmentId);
    const read = await readTraceAttachment(
      client,
      { traceId, attachmentId, maxBytes: input.maxBytes },
      { signal },
    );
    return {
      traceId,
      attachmentId,
      ...describeAttachment(read, {
        contentType: input.contentType,
        maxChars: input.maxBytes,
        includeBase64: input.includeBase64,
      }),
    };
  },
});
