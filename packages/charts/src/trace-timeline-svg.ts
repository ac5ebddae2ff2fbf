import type { TraceStatus } from '@mlops-mcp/core';
import { FONT_FAMILY } from './bundled-font.js';
import { formatDuration } from './format-duration.js';
import { INK, STATUS_COLOURS } from './palette.js';
import { svgDocument, svgElement, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-width.js';
import {
  TIMELINE_FONT,
  TIMELINE_SPACING,
  type TimelineLayout,
  type TimelineRow,
} from './trace-timeline-layout.js';

const { pad: PAD, indent: INDENT } = TIMELINE_SPACING;

/** Draws a laid-out trace timeline as an SVG document. */
export function traceTimelineSvg(layout: TimelineLayout): string {
  const parts = [
    svgText(fitText(layout.title, TIMELINE_FONT.title, layout.width - 2 * PAD), {
      x: PAD,
      y: 30,
      'font-size': TIMELINE_FONT.title,
      fill: INK.title,
    }),
    layout.rows.map((row, i) => band(row, i)).join(''),
    timeAxis(layout),
    layout.rows.map((row) => guide(row, layout.rows)).join(''),
    layout.rows.map(rowMarkup).join(''),
    layout.rows.length === 0 ? emptyNote(layout) : '',
    footer(layout),
  ];
  return svgDocument(layout.width, layout.height, FONT_FAMILY, parts.join(''));
}

/** Zebra bands for reading across; error rows tinted red over the full width. */
function band(row: TimelineRow, index: number): string {
  const tint = STATUS_COLOURS[row.span.status].row;
  if (!tint && index % 2 === 0) return '';
  return svgElement('rect', { ...row.band, fill: tint ?? INK.band });
}

function timeAxis({ axis, rows, x, width, height }: TimelineLayout): string {
  const bottom = rows.length === 0 ? height - 40 : rows.at(-1)!.band.y + rows.at(-1)!.band.height;
  return axis.scale.ticks
    .map((tick, i) => {
      const tx = x(tick);
      const label = axis.labels[i]!;
      // The first label starts at its tick and one that would leave the canvas ends at it.
      const overflows = tx + textWidth(label, TIMELINE_FONT.tick) / 2 > width - 4;
      const anchor = i === 0 ? 'start' : overflows ? 'end' : 'middle';
      return (
        svgElement('line', {
          x1: tx,
          y1: axis.y,
          x2: tx,
          y2: bottom,
          stroke: INK.grid,
          'stroke-width': 1,
        }) +
        svgText(label, {
          x: tx,
          y: axis.y - 4,
          'font-size': TIMELINE_FONT.tick,
          'text-anchor': anchor,
          fill: INK.muted,
        })
      );
    })
    .join('');
}

/** The elbow from a parent's label down to its child's, drawing the call tree. */
function guide(row: TimelineRow, rows: readonly TimelineRow[]): string {
  if (row.parentRow === undefined) return '';
  const parent = rows[row.parentRow]!;
  const gx = PAD + (row.depth - 1) * INDENT + 4;
  const top = parent.band.y + parent.band.height / 2 + 6;
  const mid = row.band.y + row.band.height / 2;
  return svgElement('polyline', {
    points: `${gx},${top} ${gx},${mid} ${row.labelX - 3},${mid}`,
    fill: 'none',
    stroke: '#c4c4c4',
    'stroke-width': 1,
  });
}

function rowMarkup(row: TimelineRow): string {
  const colours = STATUS_COLOURS[row.span.status];
  const mid = row.band.y + row.band.height / 2;
  const isError = row.span.status === 'error';
  const bar = svgElement('rect', {
    ...row.bar,
    rx: 2,
    fill: colours.fill,
    stroke: colours.stroke,
    'stroke-width': 1,
    // A running span has no end yet: a dashed outline says the bar may still grow.
    'stroke-dasharray': row.span.status === 'running' ? '3 2' : undefined,
  });
  const label = svgText(row.label, {
    x: row.labelX,
    y: mid + TIMELINE_FONT.label * 0.35,
    'font-size': TIMELINE_FONT.label,
    fill: isError ? colours.stroke : INK.text,
  });
  const duration = svgText(row.duration, {
    x: row.durationAt.x,
    y: mid + TIMELINE_FONT.duration * 0.35,
    'font-size': TIMELINE_FONT.duration,
    'text-anchor': row.durationAt.anchor,
    fill: row.durationAt.inside ? '#ffffff' : isError ? colours.stroke : INK.muted,
  });
  return label + bar + duration;
}

function emptyNote({ width, height }: TimelineLayout): string {
  return svgText('no spans', {
    x: width / 2,
    y: height / 2,
    'font-size': TIMELINE_FONT.label,
    'text-anchor': 'middle',
    fill: INK.muted,
  });
}

/** Status legend with counts, the trace's total duration, and what was left out. */
function footer(layout: TimelineLayout): string {
  const y = layout.footerY;
  const out: string[] = [];
  let x = PAD;
  for (const status of ['ok', 'error', 'running', 'unknown'] as TraceStatus[]) {
    const count = layout.counts[status];
    if (count === 0 && status !== 'ok' && status !== 'error') continue;
    const colours = STATUS_COLOURS[status];
    out.push(
      svgElement('rect', {
        x,
        y: y - 10,
        width: 14,
        height: 10,
        rx: 2,
        fill: colours.fill,
        stroke: colours.stroke,
      }),
    );
    const text = `${status} ${count}`;
    out.push(svgText(text, { x: x + 19, y, 'font-size': TIMELINE_FONT.legend, fill: INK.text }));
    x += 19 + textWidth(text, TIMELINE_FONT.legend) + 18;
  }
  const notes = [`total ${formatDuration(layout.totalMs)}`];
  if (layout.hidden > 0) {
    const errors = layout.hiddenErrors > 0 ? `, ${layout.hiddenErrors} with errors` : '';
    notes.push(`${layout.hidden} more span${layout.hidden === 1 ? '' : 's'} not shown${errors}`);
  }
  out.push(
    svgText(notes.join(' · '), { x, y, 'font-size': TIMELINE_FONT.legend, fill: INK.muted }),
  );
  return out.join('');
}
