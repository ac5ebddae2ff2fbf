import { downsampleIndexes } from '@mlops-mcp/core';
import { formatTick, formatValue } from './format-number.js';
import type { Box } from './label-placement.js';
import type { MetricChartOptions } from './metric-chart-input.js';
import { type NiceAxis, niceAxis } from './nice-axis.js';
import { seriesColour } from './palette.js';
import { fitText, textWidth } from './text-width.js';

/** Font sizes in pixels, shared by the layout (which measures) and the SVG (which draws). */
export const METRIC_FONT = { title: 18, axisLabel: 13, tick: 12, legend: 12, stats: 11, note: 11 };

/** One data point placed on the canvas. */
export interface PlacedPoint {
  step: number;
  value: number;
  x: number;
  y: number;
}

/** A series ready to draw: its points in pixels and the extremes of the full series. */
export interface PlacedSeries {
  label: string;
  colour: string;
  /** Points to draw, by ascending step; long series are downsampled keeping extremes. */
  points: PlacedPoint[];
  /** How many points the series had before downsampling. */
  totalPoints: number;
  /** Undefined for a series without points. */
  extremes?: { min: PlacedPoint; max: PlacedPoint; last: PlacedPoint };
}

/** A legend row: swatch colour, the label cut to fit, and the series' last/min/max. */
export interface LegendEntry {
  colour: string;
  label: string;
  stats: string;
  y: number;
}

/** Where everything of a metric chart goes; `svg` only draws what this decided. */
export interface MetricChartLayout {
  width: number;
  height: number;
  title: string;
  xLabel: string;
  yLabel?: string | undefined;
  /** The plotting area: curves are clipped to it. */
  plot: Box;
  xAxis: NiceAxis;
  yAxis: NiceAxis;
  xTickLabels: string[];
  yTickLabels: string[];
  /** Canvas x of a step. */
  x(step: number): number;
  /** Canvas y of a value. */
  y(value: number): number;
  series: PlacedSeries[];
  legend: { x: number; width: number; entries: LegendEntry[] };
  /** True when no series has a single point. */
  empty: boolean;
}

const PAD = 16;
const LEGEND_ROW = 36;
/** Width of a legend row's colour swatch, for the SVG. */
export const LEGEND_SWATCH = 22;

/** Computes the geometry of a metric chart: axes, plot area, pixel positions, legend. */
export function layoutMetricChart(input: MetricChartOptions): MetricChartLayout {
  const { width, height } = input;
  const sorted = input.series.map((series) => sortByStep(series.steps, series.values));
  const steps = bounds(sorted.flat().map((p) => p.step));
  const values = bounds(sorted.flat().map((p) => p.value));
  const empty = steps === undefined;
  const xAxis = niceAxis(steps?.min ?? 0, steps?.max ?? 1, Math.max(3, Math.round(width / 140)));
  const yAxis = niceAxis(values?.min ?? 0, values?.max ?? 1, Math.max(3, Math.round(height / 90)));
  const xTickLabels = xAxis.ticks.map((tick) => formatTick(tick, xAxis.step));
  const yTickLabels = yAxis.ticks.map((tick) => formatTick(tick, yAxis.step));

  const statsOf = input.series.map((_series, i) => statsText(sorted[i]!));
  const legendWidth = Math.min(
    Math.round(width * 0.32),
    Math.ceil(
      LEGEND_SWATCH +
        8 +
        Math.max(
          ...input.series.map((series) => textWidth(series.label, METRIC_FONT.legend)),
          ...statsOf.map((stats) => textWidth(stats, METRIC_FONT.stats)),
        ),
    ),
  );
  const yTickWidth = Math.max(...yTickLabels.map((label) => textWidth(label, METRIC_FONT.tick)));
  const left = PAD + (input.yLabel ? METRIC_FONT.axisLabel + 10 : 0) + yTickWidth + 8;
  const top = 52;
  const right = legendWidth + 2 * PAD;
  const bottom = METRIC_FONT.tick + 14 + (METRIC_FONT.axisLabel + 12) + PAD;
  const plot: Box = {
    x: left,
    y: top,
    width: Math.max(40, width - left - right),
    height: Math.max(40, height - top - bottom),
  };
  const x = (step: number) => plot.x + ((step - xAxis.min) / (xAxis.max - xAxis.min)) * plot.width;
  const y = (value: number) =>
    plot.y + plot.height - ((value - yAxis.min) / (yAxis.max - yAxis.min)) * plot.height;
  const place = (p: { step: number; value: number }): PlacedPoint => ({
    ...p,
    x: x(p.step),
    y: y(p.value),
  });

  const series = input.series.map((raw, i): PlacedSeries => {
    const points = sorted[i]!;
    // Two points per horizontal pixel are all a line can show; extremes are kept by the sampler.
    const kept = downsampleIndexes(
      points.map((p) => p.value),
      plot.width * 2,
    ).map((index) => place(points[index]!));
    const placed: PlacedSeries = {
      label: raw.label,
      colour: seriesColour(i),
      points: kept,
      totalPoints: points.length,
    };
    const extremes = extremesOf(points);
    if (extremes) {
      placed.extremes = {
        min: place(extremes.min),
        max: place(extremes.max),
        last: place(extremes.last),
      };
    }
    return placed;
  });

  const legendX = width - PAD - legendWidth;
  const entries = series.map((s, i) => ({
    colour: s.colour,
    label: fitText(s.label, METRIC_FONT.legend, legendWidth - LEGEND_SWATCH - 8),
    stats: fitText(statsOf[i]!, METRIC_FONT.stats, legendWidth - LEGEND_SWATCH - 8),
    y: top + 4 + i * LEGEND_ROW,
  }));

  return {
    width,
    height,
    title: input.title,
    xLabel: input.xLabel ?? 'step',
    yLabel: input.yLabel,
    plot,
    xAxis,
    yAxis,
    xTickLabels,
    yTickLabels,
    x,
    y,
    series,
    legend: { x: legendX, width: legendWidth, entries },
    empty,
  };
}

function sortByStep(steps: readonly number[], values: readonly number[]) {
  return steps
    .map((step, i) => ({ step, value: values[i]!, order: i }))
    .sort((a, b) => a.step - b.step || a.order - b.order)
    .map(({ step, value }) => ({ step, value }));
}

type Point = { step: number; value: number };

// A loop, not Math.min(...values): spreading a long series overflows the call stack.
function bounds(values: readonly number[]): { min: number; max: number } | undefined {
  if (values.length === 0) return undefined;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

function extremesOf(points: readonly Point[]): { min: Point; max: Point; last: Point } | undefined {
  const last = points.at(-1);
  if (!last) return undefined;
  let min = points[0]!;
  let max = points[0]!;
  for (const point of points) {
    if (point.value < min.value) min = point;
    if (point.value > max.value) max = point;
  }
  return { min, max, last };
}

function statsText(points: readonly Point[]): string {
  const extremes = extremesOf(points);
  if (!extremes) return 'no points';
  const { min, max, last } = extremes;
  return `last ${formatValue(last.value)} · min ${formatValue(min.value)} · max ${formatValue(max.value)}`;
}
