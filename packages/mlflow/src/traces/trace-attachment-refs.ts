import type { NormalizedSpan } from './map-span.js';
import type { TraceAttachment } from './trace-attachment-model.js';

/**
 * MLflow replaces an `Attachment` in span inputs/outputs with a reference URI
 * `mlflow-attachment://<uuid>?content_type=<mime>&trace_id=<id>&size=<bytes>`
 * (tracing/attachments.py `Attachment.ref`) and stores the bytes as a trace artifact
 * `attachments/<uuid>`. Span attributes hold inputs/outputs as JSON text, so the references are
 * found by pattern rather than by walking objects.
 */
const ATTACHMENT_REF = /mlflow-attachment:\/\/[0-9A-Fa-f-]{36}(\?[^\s"'\\]*)?/g;

const FIELD_OF_ATTRIBUTE: Record<string, string> = {
  'mlflow.spanInputs': 'inputs',
  'mlflow.spanOutputs': 'outputs',
};

/** Every attachment the spans refer to, once each, in span order. */
export function findAttachmentRefs(spans: readonly NormalizedSpan[]): TraceAttachment[] {
  const found = new Map<string, TraceAttachment>();
  for (const span of spans) {
    for (const [key, value] of Object.entries(span.attributes)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      for (const match of text?.matchAll(ATTACHMENT_REF) ?? []) {
        const ref = parseAttachmentRef(match[0]);
        if (!ref || found.has(ref.id)) continue;
        found.set(ref.id, {
          ...ref,
          spanId: span.id,
          spanName: span.name,
          field: FIELD_OF_ATTRIBUTE[key] ?? `attributes.${key}`,
        });
      }
    }
  }
  return [...found.values()];
}

/** Id, content type and size from one reference URI; undefined when it is not one. */
function parseAttachmentRef(
  uri: string,
): { id: string; contentType?: string; sizeBytes?: number } | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const id = url.hostname.toLowerCase();
  if (!id) return undefined;
  const out: { id: string; contentType?: string; sizeBytes?: number } = { id };
  const contentType = url.searchParams.get('content_type');
  if (contentType) out.contentType = contentType;
  const size = Number(url.searchParams.get('size'));
  if (Number.isInteger(size) && size > 0) out.sizeBytes = size;
  return out;
}
