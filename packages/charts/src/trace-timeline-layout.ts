import type { TraceStatus } from '@mlops-mcp/core';
import { formatDuration } from './format-duration.js';
import { formatTick } from './format-number.js';
import type { Box } from './label-placement.js';
import { type NiceAxis, niceAxis } from './nice-axis.js';
import { type SpanRows, spanRows } from './span-rows.js';
import { fitText, textWidth } from './text-width.js';
import type { TimelineSpan, TraceTimelineOptions } from './trace-timeline-input.js';

/** Font sizes in pixels, shared by the layout (which measures) and the SVG (which draws). */
export const TIMELINE_FONT = { title: 18, label: 12, tick: 11, duration: 11, legend: 12 };

/** Outer padding and per-depth indentation in pixels, shared with the SVG's tree guides. */
export const TIMELINE_SPACING = { pad: 16, indent: 14 };
const PAD = TIMELINE_SPACING.pad;
const INDENT = TIMELINE_SPACING.indent;
const ROW = 24;
const BAR = 14;
const HEADER = 64;
const FOOTER = 40;

/** One drawn row: the span's label at its depth and its bar on the time axis. */
export interface TimelineRow {
  span: TimelineSpan;
  depth: number;
  parentRow?: number | undefined;
  /** The span name, cut to fit the label column. */
  label: string;
  labelX: number;
  /** Row band (full width) and bar boxes in pixels. */
  band: Box;
  bar: Box;
  duration: string;
  /** Where the duration text goes: inside the bar, or beside it on the side with room. */
  durationAt: { x: number; anchor: 'start' | 'end'; inside: boolean };
}

/** Where everything of a trace timeline goes. */
export interface TimelineLayout {
  width: number;
  height: number;
  title: string;
  /** Left edge and width of the time axis (bars area). */
  axis: { x: number; width: number; y: number; scale: NiceAxis; labels: string[] };
  /** Canvas x of a time in ms since the first span started. */
  x(offsetMs: number): number;
  rows: TimelineRow[];
  hidden: SpanRows['hidden'];
  hiddenErrors: SpanRows['hiddenErrors'];
  totalMs: number;
  counts: Record<TraceStatus, number>;
  footerY: number;
}

/** Computes the geometry of a trace timeline: row order and depth, time axis, bars, labels. */
export function layoutTraceTimeline(input: TraceTimelineOptions): TimelineLayout {
  const { width } = input;
  const fitRows = input.height
    ? Math.max(1, Math.floor((input.height - HEADER - FOOTER) / ROW))
    : input.maxRows;
  const chosen = spanRows(input.spans, Math.min(input.maxRows, fitRows));
  const height = input.height ?? HEADER + Math.max(1, chosen.rows.length) * ROW + FOOTER;

  let origin = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of input.spans) {
    origin = Math.min(origin, span.startMs);
    end = Math.max(end, span.startMs, span.endMs);
  }
  const totalMs = input.spans.length === 0 ? 0 : end - origin;
  const scale = niceAxis(0, totalMs > 0 ? totalMs : 1, Math.max(3, Math.round(width / 160)));
  scale.ticks = scale.ticks.filter((tick) => tick >= 0);
  const labels = scale.ticks.map((tick) => timeTick(tick, scale.step));

  const wanted = Math.max(
    120,
    ...chosen.rows.map((row) => row.depth * INDENT + textWidth(row.span.name, TIMELINE_FONT.label)),
  );
  const labelWidth = Math.min(Math.round(width * 0.36), Math.ceil(wanted) + 8);
  const axisX = PAD + labelWidth + 12;
  const axisWidth = width - axisX - PAD;
  const x = (offsetMs: number) =>
    axisX + ((offsetMs - scale.min) / (scale.max - scale.min)) * axisWidth;

  const rows = chosen.rows.map((row, i): TimelineRow => {
    const bandY = HEADER + i * ROW;
    const start = x(row.span.startMs - origin);
    const stop = Math.max(start + 2, x(Math.max(row.span.startMs, row.span.endMs) - origin));
    const bar: Box = { x: start, y: bandY + (ROW - BAR) / 2, width: stop - start, height: BAR };
    const duration = formatDuration(Math.max(0, row.span.endMs - row.span.startMs));
    const durationWidth = textWidth(duration, TIMELINE_FONT.duration);
    const labelX = PAD + row.depth * INDENT;
    return {
      span: row.span,
      depth: row.depth,
      parentRow: row.parentRow,
      label: fitText(row.span.name, TIMELINE_FONT.label, PAD + labelWidth - labelX),
      labelX,
      band: { x: 0, y: bandY, width, height: ROW },
      bar,
      duration,
      durationAt:
        stop + 6 + durationWidth <= width - PAD
          ? { x: stop + 5, anchor: 'start', inside: false }
          : bar.width >= durationWidth + 10
            ? { x: stop - 5, anchor: 'end', inside: true }
            : { x: start - 5, anchor: 'end', inside: false },
    };
  });

  const counts: Record<TraceStatus, number> = { ok: 0, error: 0, running: 0, unknown: 0 };
  for (const span of input.spans) counts[span.status] += 1;
  return {
    width,
    height,
    title: input.title,
    axis: { x: axisX, width: axisWidth, y: HEADER - 8, scale, labels },
    x,
    rows,
    hidden: chosen.hidden,
    hiddenErrors: chosen.hiddenErrors,
    totalMs,
    counts,
    footerY: HEADER + Math.max(1, rows.length) * ROW + 22,
  };
}

/** Tick label of the time axis: milliseconds below a one-second step, seconds above. */
function timeTick(ms: number, step: number): string {
  if (step >= 1000) return `${formatTick(ms / 1000, step / 1000)} s`;
  return `${formatTick(ms, step)} ms`;
}
