import { FONT_FAMILY } from './bundled-font.js';
import { formatValue } from './format-number.js';
import { type Box, LabelPlacer } from './label-placement.js';
import {
  LEGEND_SWATCH,
  METRIC_FONT,
  type MetricChartLayout,
  type PlacedPoint,
  type PlacedSeries,
} from './metric-chart-layout.js';
import { INK } from './palette.js';
import { coord, svgDocument, svgElement, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-width.js';

const MARKER = 4.5;

/** Draws a laid-out metric chart as an SVG document. */
export function metricChartSvg(layout: MetricChartLayout): string {
  const parts = [
    titleMarkup(layout),
    gridAndAxes(layout),
    layout.empty ? emptyNote(layout.plot) : curves(layout),
    layout.empty ? '' : annotations(layout),
    legend(layout),
  ];
  return svgDocument(layout.width, layout.height, FONT_FAMILY, parts.join(''));
}

function titleMarkup({ title, plot, width }: MetricChartLayout): string {
  // resvg cannot wrap text: a long title is cut to the canvas rather than drawn off it.
  return svgText(fitText(title, METRIC_FONT.title, width - plot.x - 16), {
    x: plot.x,
    y: 30,
    'font-size': METRIC_FONT.title,
    fill: INK.title,
  });
}

function gridAndAxes(layout: MetricChartLayout): string {
  const { plot, xAxis, yAxis, x, y } = layout;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const out: string[] = [];
  yAxis.ticks.forEach((tick, i) => {
    const ty = y(tick);
    out.push(line(plot.x, ty, right, ty, INK.grid, 1));
    out.push(
      svgText(layout.yTickLabels[i]!, {
        x: plot.x - 8,
        y: ty + METRIC_FONT.tick * 0.35,
        'font-size': METRIC_FONT.tick,
        'text-anchor': 'end',
        fill: INK.muted,
      }),
    );
  });
  xAxis.ticks.forEach((tick, i) => {
    const tx = x(tick);
    out.push(line(tx, plot.y, tx, bottom, INK.grid, 1));
    out.push(line(tx, bottom, tx, bottom + 5, INK.axis, 1));
    out.push(
      svgText(layout.xTickLabels[i]!, {
        x: tx,
        y: bottom + 8 + METRIC_FONT.tick,
        'font-size': METRIC_FONT.tick,
        'text-anchor': 'middle',
        fill: INK.muted,
      }),
    );
  });
  out.push(line(plot.x, plot.y, plot.x, bottom, INK.axis, 1.2));
  out.push(line(plot.x, bottom, right, bottom, INK.axis, 1.2));
  out.push(
    svgText(layout.xLabel, {
      x: plot.x + plot.width / 2,
      y: bottom + 8 + METRIC_FONT.tick + 8 + METRIC_FONT.axisLabel,
      'font-size': METRIC_FONT.axisLabel,
      'text-anchor': 'middle',
      fill: INK.text,
    }),
  );
  if (layout.yLabel) {
    const lx = 16 + METRIC_FONT.axisLabel;
    const ly = plot.y + plot.height / 2;
    out.push(
      svgText(layout.yLabel, {
        x: lx,
        y: ly,
        'font-size': METRIC_FONT.axisLabel,
        'text-anchor': 'middle',
        fill: INK.text,
        transform: `rotate(-90 ${lx} ${ly})`,
      }),
    );
  }
  return out.join('');
}

function curves({ plot, series }: MetricChartLayout): string {
  const clip = svgElement(
    'clipPath',
    { id: 'plot-area' },
    svgElement('rect', { x: plot.x, y: plot.y, width: plot.width, height: plot.height }),
  );
  const lines = series.map((s) => {
    if (s.points.length === 1) {
      const [p] = s.points as [PlacedPoint];
      return svgElement('circle', { cx: p.x, cy: p.y, r: 3, fill: s.colour });
    }
    return svgElement('polyline', {
      points: s.points.map((p) => `${coord(p.x)},${coord(p.y)}`).join(' '),
      fill: 'none',
      stroke: s.colour,
      'stroke-width': 2,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    });
  });
  return `<defs>${clip}</defs>${svgElement('g', { 'clip-path': 'url(#plot-area)' }, lines.join(''))}`;
}

type Mark = { kind: 'last' | 'min' | 'max'; point: PlacedPoint; text: string };

/**
 * Marks each series' last value (dot), minimum (▼) and maximum (▲) and labels them where a
 * label fits without covering another; markers are drawn first so labels avoid them too.
 */
function annotations(layout: MetricChartLayout): string {
  const { plot, legend } = layout;
  const area: Box = {
    x: plot.x,
    y: plot.y - 14,
    width: legend.x - 8 - plot.x,
    height: plot.height + 14,
  };
  const placer = new LabelPlacer(area);
  const marks = layout.series.map((s) => ({ series: s, marks: marksOf(s) }));
  const markers: string[] = [];
  for (const { series, marks: list } of marks) {
    for (const mark of list) {
      const { x, y } = mark.point;
      placer.reserve({ x: x - MARKER, y: y - MARKER, width: 2 * MARKER, height: 2 * MARKER });
      markers.push(marker(mark.kind, x, y, series.colour));
    }
  }
  const labels: string[] = [];
  const size = METRIC_FONT.note;
  for (const { series, marks: list } of marks) {
    for (const mark of list) {
      const width = textWidth(mark.text, size) + 2;
      const height = size + 3;
      const { x, y } = mark.point;
      const above = y - MARKER - 2 - height;
      const below = y + MARKER + 2;
      const right = x + MARKER + 3;
      const left = x - MARKER - 3 - width;
      const prefer = mark.kind === 'min' ? [below, above] : [above, below];
      const candidates: Box[] = [];
      for (const top of prefer) {
        for (const lx of [right, left, x - width / 2])
          candidates.push({ x: lx, y: top, width, height });
      }
      for (const lx of [right, left]) candidates.push({ x: lx, y: y - height / 2, width, height });
      const box = placer.place(candidates);
      if (!box) continue;
      labels.push(
        svgText(mark.text, {
          x: box.x + 1,
          y: box.y + size,
          'font-size': size,
          fill: series.colour,
          stroke: '#ffffff',
          'stroke-width': 3,
          'stroke-linejoin': 'round',
          'paint-order': 'stroke',
        }),
      );
    }
  }
  return markers.join('') + labels.join('');
}

/** The last/min/max marks of a series, merged where two fall on the same point. */
function marksOf(series: PlacedSeries): Mark[] {
  const extremes = series.extremes;
  if (!extremes) return [];
  const { last, min, max } = extremes;
  const same = (a: PlacedPoint, b: PlacedPoint) => a.step === b.step && a.value === b.value;
  const lastTags = [
    'last',
    ...(same(last, min) ? ['min'] : []),
    ...(same(last, max) ? ['max'] : []),
  ];
  const marks: Mark[] = [
    { kind: 'last', point: last, text: `${lastTags.join(' = ')} ${formatValue(last.value)}` },
  ];
  if (!same(last, max))
    marks.push({ kind: 'max', point: max, text: `max ${formatValue(max.value)}` });
  if (!same(last, min) && !same(min, max)) {
    marks.push({ kind: 'min', point: min, text: `min ${formatValue(min.value)}` });
  }
  return marks;
}

function marker(kind: Mark['kind'], x: number, y: number, colour: string): string {
  const outline = { stroke: '#ffffff', 'stroke-width': 1.5, fill: colour };
  if (kind === 'last') return svgElement('circle', { cx: x, cy: y, r: MARKER, ...outline });
  const r = MARKER + 0.5;
  const tip = kind === 'max' ? y - r : y + r;
  const base = kind === 'max' ? y + r * 0.7 : y - r * 0.7;
  const points = `${coord(x)},${coord(tip)} ${coord(x - r)},${coord(base)} ${coord(x + r)},${coord(base)}`;
  return svgElement('polygon', { points, ...outline });
}

function legend({ legend: box }: MetricChartLayout): string {
  return box.entries
    .map((entry) => {
      const midY = entry.y + METRIC_FONT.legend * 0.6;
      return (
        line(box.x, midY, box.x + LEGEND_SWATCH - 6, midY, entry.colour, 3) +
        svgText(entry.label, {
          x: box.x + LEGEND_SWATCH,
          y: entry.y + METRIC_FONT.legend,
          'font-size': METRIC_FONT.legend,
          fill: INK.text,
        }) +
        svgText(entry.stats, {
          x: box.x + LEGEND_SWATCH,
          y: entry.y + METRIC_FONT.legend + 4 + METRIC_FONT.stats,
          'font-size': METRIC_FONT.stats,
          fill: INK.muted,
        })
      );
    })
    .join('');
}

function emptyNote(plot: Box): string {
  return svgText('no data points', {
    x: plot.x + plot.width / 2,
    y: plot.y + plot.height / 2,
    'font-size': METRIC_FONT.axisLabel,
    'text-anchor': 'middle',
    fill: INK.muted,
  });
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width: number) {
  return svgElement('line', { x1, y1, x2, y2, stroke, 'stroke-width': width });
}
