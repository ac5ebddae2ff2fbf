import { estimateTokens, toCompactJson, truncateText } from '@mlops-mcp/core';
import { type NormalizedSpan, orderSpans, shapeSpan, spanError } from './map-span.js';
import { mapTraceInfo } from './map-trace.js';
import type { TraceDetail, TraceSpan } from './trace-model.js';
import type { TraceWithSpans } from './traces-api.js';

/** Below this many characters per field, budget fitting drops spans instead. */
const MIN_FIELD_CHARS = 200;
const MAX_LISTED_ERRORS = 20;
const MAX_ERROR_CHARS = 1000;

export interface TraceDetailOptions {
  baseUrl: string;
  includeSystemTags: boolean;
  includeAttributes: boolean;
  /** Longest JSON text kept of each span input, output and attribute. */
  maxFieldChars: number;
  /** First span (in tree order) to return, for paging through large traces. */
  spanOffset: number;
  spanLimit: number;
  /** Response budget in estimated tokens. */
  maxTokens: number;
}

/**
 * Builds the full-trace answer: info, assessments, spans parents-first, and every error surfaced
 * at the top. To fit `maxTokens` it first halves `maxFieldChars` (down to 200), then returns
 * fewer spans with `nextSpanOffset`; every cut is flagged.
 */
export function mapTraceDetail(trace: TraceWithSpans, options: TraceDetailOptions): TraceDetail {
  const summary = mapTraceInfo(trace.info, {
    baseUrl: options.baseUrl,
    includeSystemTags: options.includeSystemTags,
    // The root span carries the full request and response; previews would repeat them.
    previewChars: 0,
    includeAssessments: true,
  });
  const ordered = orderSpans(trace.spans);
  const failures = ordered.flatMap((span) => {
    const message = spanError(span);
    return message ? [{ span, message }] : [];
  });
  const base: TraceDetail = {
    ...summary,
    spans: [],
    spanCount: ordered.length,
    spansSource: trace.source,
  };
  const origin = firstRaised(failures);
  if (origin) base.error = truncateText(origin.message, MAX_ERROR_CHARS).text;
  if (failures.length > 0) {
    base.errors = failures.slice(0, MAX_LISTED_ERRORS).map(({ span, message }) => ({
      spanId: span.id,
      spanName: span.name,
      message: truncateText(message, MAX_ERROR_CHARS).text,
    }));
  }
  const window = ordered.slice(options.spanOffset, options.spanOffset + options.spanLimit);
  const build = (spans: readonly NormalizedSpan[], maxFieldChars: number): TraceDetail => {
    const shaped: TraceSpan[] = spans.map((span) =>
      shapeSpan(span, { maxFieldChars, includeAttributes: options.includeAttributes }),
    );
    const detail: TraceDetail = { ...base, spans: shaped };
    const end = options.spanOffset + spans.length;
    if (end < ordered.length) detail.nextSpanOffset = end;
    if (
      shaped.some((span) => span.truncated) ||
      detail.nextSpanOffset !== undefined ||
      failures.length > MAX_LISTED_ERRORS
    ) {
      detail.truncated = true;
    }
    return detail;
  };
  const fits = (detail: TraceDetail) => estimateTokens(toCompactJson(detail)) <= options.maxTokens;

  let maxFieldChars = options.maxFieldChars;
  let detail = build(window, maxFieldChars);
  while (!fits(detail) && maxFieldChars > MIN_FIELD_CHARS) {
    maxFieldChars = Math.max(MIN_FIELD_CHARS, Math.floor(maxFieldChars / 2));
    detail = build(window, maxFieldChars);
  }
  if (fits(detail) || window.length <= 1) return detail;
  // Largest prefix of the window that fits; at least one span is always returned.
  let lo = 1;
  let hi = window.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(build(window.slice(0, mid), maxFieldChars))) lo = mid;
    else hi = mid - 1;
  }
  return build(window.slice(0, lo), maxFieldChars);
}

/** The exception raised first (earliest exception event): where the failure started. */
function firstRaised(
  failures: readonly { span: NormalizedSpan; message: string }[],
): { span: NormalizedSpan; message: string } | undefined {
  let best: { span: NormalizedSpan; message: string; at: number } | undefined;
  for (const failure of failures) {
    const event = failure.span.events.find((e) => e.name === 'exception');
    const at = event?.timeNs ?? failure.span.endNs ?? Number.POSITIVE_INFINITY;
    if (!best || at < best.at) best = { ...failure, at };
  }
  return best;
}
