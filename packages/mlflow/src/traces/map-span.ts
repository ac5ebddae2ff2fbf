import type { TraceStatus } from '@mlops-mcp/core';
import { clipValue } from './trace-clip.js';
import type { TraceSpan } from './trace-model.js';
import { isoFromNanos, millisBetweenNanos } from './trace-time.js';
import type { ArtifactSpan, OtelAnyValue, OtelSpan } from './traces-api-types.js';

/**
 * Spans reach us in two encodings: OTel proto JSON from `traces/get` / `traces/batchGet`
 * (typed AnyValue attributes, base64 ids) and MLflow's trace-data file from `get-trace-artifact`
 * (JSON-encoded attribute strings). Both are normalised to one shape, then shaped for a model.
 */
export interface NormalizedSpan {
  id: string;
  parentId?: string | undefined;
  name: string;
  startNs?: number | undefined;
  endNs?: number | undefined;
  attributes: Record<string, unknown>;
  events: { name: string; timeNs?: number | undefined; attributes: Record<string, unknown> }[];
  /** OK, ERROR or UNSET. */
  statusCode: string;
  statusMessage?: string | undefined;
}

const SPAN_TYPE = 'mlflow.spanType';
const SPAN_INPUTS = 'mlflow.spanInputs';
const SPAN_OUTPUTS = 'mlflow.spanOutputs';
/** Attributes MLflow uses for bookkeeping or that already have their own span field. */
const HIDDEN_ATTRIBUTES = new Set([
  SPAN_TYPE,
  SPAN_INPUTS,
  SPAN_OUTPUTS,
  'mlflow.traceRequestId',
  'mlflow.spanFunctionName',
  'mlflow.spanLogLevel',
]);

/** Converts an OTel AnyValue to plain JSON (an unset value is null). */
export function anyValueToJson(value: OtelAnyValue | undefined): unknown {
  if (!value) return null;
  if (value.string_value !== undefined) return value.string_value;
  if (value.bool_value !== undefined) return value.bool_value;
  if (value.int_value !== undefined) return numeric(value.int_value);
  if (value.double_value !== undefined) return numeric(value.double_value);
  if (value.bytes_value !== undefined) return value.bytes_value;
  if (value.array_value) return (value.array_value.values ?? []).map(anyValueToJson);
  if (value.kvlist_value) {
    return Object.fromEntries(
      (value.kvlist_value.values ?? []).map((entry) => [entry.key, anyValueToJson(entry.value)]),
    );
  }
  return null;
}

function numeric(value: number | string): number | string {
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

/**
 * Span ids as MLflow shows them (16 hex chars). OTel JSON and 3.x trace files carry base64 of
 * the 8 bytes; 2.x trace files carry "0x"-prefixed hex.
 */
export function spanIdToHex(id: string): string {
  if (/^0x[0-9a-f]+$/i.test(id)) return id.slice(2).toLowerCase();
  if (/^[0-9a-f]{16}$/i.test(id)) return id.toLowerCase();
  return Buffer.from(id, 'base64').toString('hex');
}

function statusCode(code: string | undefined): string {
  return (code ?? 'UNSET').replace(/^STATUS_CODE_/, '');
}

/** Normalises a span from `traces/get` or `traces/batchGet`. */
export function normalizeOtelSpan(span: OtelSpan): NormalizedSpan {
  const attributes = (entries: OtelSpan['attributes']) =>
    Object.fromEntries(entries.map((entry) => [entry.key, anyValueToJson(entry.value)]));
  return {
    id: spanIdToHex(span.span_id),
    parentId: span.parent_span_id ? spanIdToHex(span.parent_span_id) : undefined,
    name: span.name,
    startNs: span.start_time_unix_nano,
    endNs: span.end_time_unix_nano,
    attributes: attributes(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      timeNs: event.time_unix_nano,
      attributes: attributes(event.attributes),
    })),
    statusCode: statusCode(span.status?.code),
    statusMessage: span.status?.message || undefined,
  };
}

/** Normalises a span from the `get-trace-artifact` trace-data file (3.x or 2.x layout). */
export function normalizeArtifactSpan(span: ArtifactSpan): NormalizedSpan {
  const status = typeof span.status === 'string' ? { code: span.status } : span.status;
  const parent = span.parent_span_id ?? span.parent_id;
  return {
    id: spanIdToHex(span.span_id ?? span.context?.span_id ?? ''),
    parentId: parent ? spanIdToHex(parent) : undefined,
    name: span.name,
    startNs: span.start_time_unix_nano ?? span.start_time,
    endNs: span.end_time_unix_nano ?? span.end_time ?? undefined,
    attributes: decodeAttributes(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      timeNs: event.time_unix_nano ?? event.timestamp,
      attributes: event.attributes,
    })),
    statusCode: statusCode(status?.code ?? span.status_code),
    statusMessage: (status?.message ?? span.status_message) || undefined,
  };
}

/** The trace-data file stores each span attribute as a JSON string. */
function decodeAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => {
      if (typeof value !== 'string') return [key, value];
      try {
        return [key, JSON.parse(value) as unknown];
      } catch {
        return [key, value];
      }
    }),
  );
}

/** The span's error: its first exception event ("Type: message"), else its error status text. */
export function spanError(span: NormalizedSpan): string | undefined {
  const exception = span.events.find((event) => event.name === 'exception');
  if (exception) {
    const type = exception.attributes['exception.type'];
    const message = exception.attributes['exception.message'];
    const parts = [type, message].filter((part) => typeof part === 'string' && part !== '');
    if (parts.length > 0) return parts.join(': ');
  }
  if (span.statusCode === 'ERROR') return span.statusMessage ?? 'failed without a message';
  return undefined;
}

function spanStatus(span: NormalizedSpan): TraceStatus {
  if (span.statusCode === 'OK') return 'ok';
  if (span.statusCode === 'ERROR') return 'error';
  return span.endNs ? 'unknown' : 'running';
}

export interface SpanShapeOptions {
  /** Longest JSON text kept of each input, output and attribute value. */
  maxFieldChars: number;
  includeAttributes: boolean;
}

/** Shapes a normalised span for a model: neutral fields, clipped values, MLflow noise dropped. */
export function shapeSpan(span: NormalizedSpan, options: SpanShapeOptions): TraceSpan {
  const out: TraceSpan = { id: span.id, name: span.name, status: spanStatus(span) };
  if (span.parentId) out.parentId = span.parentId;
  const kind = span.attributes[SPAN_TYPE];
  if (typeof kind === 'string' && kind !== '') out.kind = kind;
  out.rawStatus = span.statusCode;
  const startedAt = isoFromNanos(span.startNs);
  if (startedAt) out.startedAt = startedAt;
  const endedAt = isoFromNanos(span.endNs);
  if (endedAt) out.endedAt = endedAt;
  const durationMs = millisBetweenNanos(span.startNs, span.endNs);
  if (durationMs !== undefined) out.durationMs = durationMs;
  const error = spanError(span);
  if (error) out.error = error;
  let truncated = false;
  for (const [key, field] of [
    [SPAN_INPUTS, 'inputs'],
    [SPAN_OUTPUTS, 'outputs'],
  ] as const) {
    if (!(key in span.attributes)) continue;
    const clipped = clipValue(span.attributes[key], options.maxFieldChars);
    out[field] = clipped.value;
    truncated ||= clipped.truncated;
  }
  if (options.includeAttributes) {
    const attributes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(span.attributes)) {
      if (HIDDEN_ATTRIBUTES.has(key)) continue;
      const clipped = clipValue(value, options.maxFieldChars);
      attributes[key] = clipped.value;
      truncated ||= clipped.truncated;
    }
    if (Object.keys(attributes).length > 0) out.attributes = attributes;
  }
  if (truncated) out.truncated = true;
  return out;
}

/** Orders spans parents-first (depth-first, siblings by start time); none is dropped. */
export function orderSpans(spans: readonly NormalizedSpan[]): NormalizedSpan[] {
  const ids = new Set(spans.map((span) => span.id));
  const children = new Map<string | undefined, NormalizedSpan[]>();
  for (const span of spans) {
    const parent = span.parentId && ids.has(span.parentId) ? span.parentId : undefined;
    const list = children.get(parent) ?? [];
    list.push(span);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => (a.startNs ?? 0) - (b.startNs ?? 0));
  const ordered: NormalizedSpan[] = [];
  const seen = new Set<NormalizedSpan>();
  const visit = (span: NormalizedSpan) => {
    if (seen.has(span)) return;
    seen.add(span);
    ordered.push(span);
    for (const child of children.get(span.id) ?? []) visit(child);
  };
  for (const root of children.get(undefined) ?? []) visit(root);
  // A malformed parent cycle has no root; keep those spans rather than lose them.
  for (const span of spans) visit(span);
  return ordered;
}
