import type { Span, Trace } from '@mlops-mcp/core';
import type { TraceTimelineInput } from './trace-timeline-input.js';

/** Presentation choices when charting a core `Trace`. */
export interface TraceChartOptions {
  /** Default: the trace's name, id and status. */
  title?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  maxRows?: number | undefined;
}

/**
 * Turns a core `Trace` (fetched with its spans) into a timeline input. A span without an end
 * (still running) runs to the latest time seen in the trace; spans without a start time cannot
 * be placed and are counted in the title. A trace without spans becomes one bar for itself.
 */
export function traceTimelineInputFromTrace(
  trace: Trace,
  options: TraceChartOptions = {},
): TraceTimelineInput {
  const source: Span[] = trace.spans?.length ? trace.spans : [spanOfTrace(trace)];
  const placed = source.flatMap((span) => {
    const startMs = span.startedAt ? Date.parse(span.startedAt) : Number.NaN;
    if (!Number.isFinite(startMs)) return [];
    const endedAt = span.endedAt ? Date.parse(span.endedAt) : Number.NaN;
    const endMs = Number.isFinite(endedAt)
      ? endedAt
      : span.durationMs !== undefined
        ? startMs + span.durationMs
        : undefined;
    return [{ span, startMs, endMs }];
  });
  let latest = Number.NEGATIVE_INFINITY;
  for (const { startMs, endMs } of placed) latest = Math.max(latest, startMs, endMs ?? startMs);
  const unplaced = source.length - placed.length;
  const note = unplaced > 0 ? ` (${unplaced} span${unplaced === 1 ? '' : 's'} without times)` : '';
  const input: TraceTimelineInput = {
    title: `${options.title ?? `${trace.name ?? 'trace'} — ${trace.id} (${trace.status})`}${note}`,
    spans: placed.map(({ span, startMs, endMs }) => ({
      id: span.id,
      ...(span.parentId !== undefined ? { parentId: span.parentId } : {}),
      name: span.name,
      startMs,
      endMs: endMs ?? latest,
      status: span.status,
    })),
  };
  if (options.width !== undefined) input.width = options.width;
  if (options.height !== undefined) input.height = options.height;
  if (options.maxRows !== undefined) input.maxRows = options.maxRows;
  return input;
}

/** The trace itself as one span, for traces listed without their spans. */
function spanOfTrace(trace: Trace): Span {
  const span: Span = { id: trace.id, name: trace.name ?? trace.id, status: trace.status };
  if (trace.startedAt !== undefined) span.startedAt = trace.startedAt;
  if (trace.durationMs !== undefined) span.durationMs = trace.durationMs;
  return span;
}
