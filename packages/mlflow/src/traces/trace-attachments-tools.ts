import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { getTraceAttachmentTool } from './get-trace-attachment.js';
import { listTraceAttachmentsTool } from './list-trace-attachments.js';

/** Trace attachments (files a trace links to), in tools/list order. */
export const traceAttachmentsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  listTraceAttachmentsTool,
  getTraceAttachmentTool,
];
