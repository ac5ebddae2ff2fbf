import {
  type CallOptions,
  type CappedBytes,
  InvalidInputError,
  readCapped,
  withHints,
} from '@mlops-mcp/core';
import type { MlflowContext } from '../shared/context.js';
import type { TraceAttachment } from './trace-attachment-model.js';
import { findAttachmentRefs } from './trace-attachment-refs.js';
import { TRACE_NOT_FOUND_HINT } from './trace-errors.js';
import { getTraceWithSpans, requireTraceApi } from './traces-api.js';

/**
 * Trace attachments (MLflow 3.9+). The server has no route that lists them: they are found in
 * the trace's spans. Their bytes come from the route the MLflow UI uses,
 * `GET /ajax-api/3.0/mlflow/get-trace-artifact?request_id=<trace>&path=<attachment id>`
 * (server/__init__.py, handlers.py `get_trace_artifact_handler`), which honours Range requests.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ATTACHMENT_NOT_FOUND_HINT =
  'mlflow_list_trace_attachments lists the attachments of a trace with their ids.';

/** The attachments a trace's spans refer to. */
export async function listTraceAttachments(
  mlflow: MlflowContext,
  traceId: string,
  options: CallOptions = {},
): Promise<TraceAttachment[]> {
  const trace = await getTraceWithSpans(mlflow, traceId, options);
  return findAttachmentRefs(trace.spans);
}

/** Downloads at most `maxBytes` of one attachment of a trace. */
export async function readTraceAttachment(
  mlflow: MlflowContext,
  params: { traceId: string; attachmentId: string; maxBytes: number },
  options: CallOptions = {},
): Promise<CappedBytes> {
  await requireTraceApi(mlflow, options);
  return withHints(
    readCapped(
      mlflow.http,
      {
        path: 'ajax-api/3.0/mlflow/get-trace-artifact',
        query: { request_id: params.traceId, path: params.attachmentId },
        signal: options.signal,
        operation: 'read trace attachment',
      },
      params.maxBytes,
    ),
    {
      not_found: `${TRACE_NOT_FOUND_HINT} ${ATTACHMENT_NOT_FOUND_HINT}`,
      invalid_input: ATTACHMENT_NOT_FOUND_HINT,
    },
  );
}

/** Validates an attachment id (a UUID, which the server requires) before any request. */
export function parseAttachmentId(value: string, field = 'attachmentId'): string {
  const trimmed = value.trim();
  if (!UUID.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not an attachment id (a UUID).`, {
      field,
      hint: ATTACHMENT_NOT_FOUND_HINT,
    });
  }
  return trimmed.toLowerCase();
}
