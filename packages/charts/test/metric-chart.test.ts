import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { metricChartToSvg, renderMetricChart } from '../src/index.js';
import { type MetricChartInput, MetricChartInputSchema } from '../src/metric-chart-input.js';
import { layoutMetricChart } from '../src/metric-chart-layout.js';
import { SERIES_COLOURS } from '../src/palette.js';
import { decode, ihdrSize, PNG_SIGNATURE } from './png.js';

const steps = Array.from({ length: 21 }, (_v, i) => i * 10);
const TWO_RUNS: MetricChartInput = {
  title: 'val/accuracy',
  width: 800,
  height: 450,
  yLabel: 'accuracy',
  series: [
    { label: 'rising', steps, values: steps.map((s) => 0.2 + s / 400) },
    { label: 'falling', steps, values: steps.map((s) => 0.7 - s / 800) },
  ],
};

describe('renderMetricChart', () => {
  it('returns a PNG whose IHDR has the requested size', () => {
    const png = renderMetricChart(TWO_RUNS);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(png)).toEqual({ chunk: 'IHDR', width: 800, height: 450 });
    expect(decode(png)).toMatchObject({ width: 800, height: 450 });
  });

  it('uses 960x540 when no size is given', () => {
    const { width, height } = ihdrSize(
      renderMetricChart({ ...TWO_RUNS, width: undefined, height: undefined }),
    );
    expect([width, height]).toEqual([960, 540]);
  });

  it('draws each series in its own colour along the path of its values', () => {
    const image = decode(renderMetricChart(TWO_RUNS));
    const layout = layoutMetricChart(MetricChartInputSchema.parse(TWO_RUNS));
    layout.series.forEach((series, index) => {
      expect(series.colour).toBe(SERIES_COLOURS[index]);
      const points = series.points;
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1]!, points[i]!];
        // On the segment's midpoint: the line itself, not just its markers.
        expect(image.hasNear((a.x + b.x) / 2, (a.y + b.y) / 2, series.colour)).toBe(true);
      }
    });
  });

  it('leaves the plot blank where no curve passes', () => {
    const image = decode(renderMetricChart(TWO_RUNS));
    const { plot, x, y } = layoutMetricChart(MetricChartInputSchema.parse(TWO_RUNS));
    // After step 150 the rising run is above 0.57 and the falling one above 0.45: below 0.4
    // there is only grid, so neither series colour may show there.
    const emptyCorner = {
      x: x(150),
      y: y(0.4),
      width: plot.x + plot.width - x(150),
      height: y(0.22) - y(0.4),
    };
    expect(emptyCorner.height).toBeGreaterThan(20);
    expect(image.count(SERIES_COLOURS[0], emptyCorner)).toBe(0);
    expect(image.count(SERIES_COLOURS[1], emptyCorner)).toBe(0);
  });

  it('is a real picture: many colours, white background, ink on a fair share of pixels', () => {
    const image = decode(renderMetricChart(TWO_RUNS));
    expect(image.distinctColours()).toBeGreaterThan(50);
    expect(image.hex(2, 2)).toBe('#ffffff');
    const white = image.count('#ffffff', undefined, 0);
    expect(white / (image.width * image.height)).toBeLessThan(0.97);
  });

  it('marks last, min and max of each series and lists them in the legend', () => {
    const svg = metricChartToSvg(TWO_RUNS);
    expect(svg).toContain('>last = max 0.7<');
    expect(svg).toContain('>min 0.2<');
    expect(svg).toContain('>last = min 0.45<');
    expect(svg).toContain('>max 0.7<');
    expect(svg).toContain('>last 0.7 · min 0.2 · max 0.7<');
    expect(svg).toContain('>last 0.45 · min 0.45 · max 0.7<');
  });

  it('renders the same bytes for the same input', () => {
    expect(renderMetricChart(TWO_RUNS).equals(renderMetricChart(TWO_RUNS))).toBe(true);
  });

  it('refuses a series whose steps and values differ in length', () => {
    const bad = { title: 't', series: [{ label: 'x', steps: [1, 2], values: [1] }] };
    expect(() => renderMetricChart(bad)).toThrow(ZodError);
  });

  it('escapes markup in titles and labels instead of breaking the SVG', () => {
    const input = {
      title: '<b>loss</b> & "acc"',
      series: [{ label: '</svg><x>', steps: [0, 1], values: [1, 2] }],
    };
    expect(metricChartToSvg(input)).toContain('&#60;/svg&#62;&#60;x&#62;');
    expect(ihdrSize(renderMetricChart(input)).width).toBe(960);
  });

  it('draws a chart with a note when no series has points', () => {
    const input = { title: 'empty', series: [{ label: 'none', steps: [], values: [] }] };
    expect(metricChartToSvg(input)).toContain('no data points');
    expect(decode(renderMetricChart(input)).distinctColours()).toBeGreaterThan(5);
  });

  it('plots a long series with at most two points per pixel and keeps its extremes', () => {
    const n = 50_000;
    const long = Array.from({ length: n }, (_v, i) => i);
    const values = long.map((i) => Math.sin(i / 2000) + (i === 23_457 ? 5 : 0));
    const input = MetricChartInputSchema.parse({
      title: 'long',
      series: [{ label: 'l', steps: long, values }],
    });
    const [series] = layoutMetricChart(input).series;
    expect(series!.points.length).toBeLessThanOrEqual(2 * layoutMetricChart(input).plot.width);
    expect(series!.totalPoints).toBe(n);
    expect(series!.extremes!.max.step).toBe(23_457);
    expect(series!.points.some((p) => p.step === 23_457)).toBe(true);
    expect(ihdrSize(renderMetricChart(input)).chunk).toBe('IHDR');
  });

  it('accepts a single point and a flat series', () => {
    const input = {
      title: 'flat',
      series: [
        { label: 'one', steps: [5], values: [3] },
        { label: 'flat', steps: [0, 10], values: [3, 3] },
      ],
    };
    const layout = layoutMetricChart(MetricChartInputSchema.parse(input));
    expect(layout.yAxis.min).toBeLessThan(3);
    expect(layout.yAxis.max).toBeGreaterThan(3);
    const image = decode(renderMetricChart(input));
    expect(image.hasNear(layout.x(5), layout.y(3), SERIES_COLOURS[0])).toBe(true);
  });
});
