import { z } from 'zod';

/** A binary attachment (image, audio, PDF...) a span's inputs or outputs refer to. */
export const TraceAttachmentSchema = z.object({
  id: z.string().describe('Attachment id (a UUID); read it with mlflow_get_trace_attachment.'),
  contentType: z.string().optional().describe('MIME type MLflow recorded, e.g. image/png.'),
  sizeBytes: z.number().optional(),
  spanId: z.string(),
  spanName: z.string(),
  field: z
    .string()
    .describe('Where the span refers to it: "inputs", "outputs" or "attributes.<key>".'),
});
export type TraceAttachment = z.infer<typeof TraceAttachmentSchema>;
