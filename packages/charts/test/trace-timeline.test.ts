import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { renderTraceTimeline, type TimelineSpan, traceTimelineToSvg } from '../src/index.js';
import { STATUS_COLOURS } from '../src/palette.js';
import { TraceTimelineInputSchema } from '../src/trace-timeline-input.js';
import { layoutTraceTimeline } from '../src/trace-timeline-layout.js';
import { decode, ihdrSize, PNG_SIGNATURE } from './png.js';

const T0 = 1_750_000_000_000;
const span = (
  id: string,
  parentId: string | undefined,
  start: number,
  end: number,
  status: TimelineSpan['status'] = 'ok',
): TimelineSpan => ({
  id,
  ...(parentId ? { parentId } : {}),
  name: `step ${id}`,
  startMs: T0 + start,
  endMs: T0 + end,
  status,
});

const AGENT = {
  title: 'agent run',
  width: 900,
  spans: [
    span('root', undefined, 0, 1000),
    span('tool', 'root', 600, 900, 'error'),
    span('plan', 'root', 0, 400),
    span('llm', 'plan', 50, 350),
  ],
};

const layoutOf = (input: Parameters<typeof renderTraceTimeline>[0]) =>
  layoutTraceTimeline(TraceTimelineInputSchema.parse(input));

describe('renderTraceTimeline', () => {
  it('returns a PNG of the requested width, tall enough for its rows', () => {
    const png = renderTraceTimeline(AGENT);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const size = ihdrSize(png);
    expect(size).toMatchObject({ chunk: 'IHDR', width: 900 });
    expect(size.height).toBe(layoutOf(AGENT).height);
    expect(size.height).toBeGreaterThan(4 * 24);
  });

  it('returns exactly the requested height when one is given', () => {
    expect(ihdrSize(renderTraceTimeline({ ...AGENT, height: 400 }))).toMatchObject({
      width: 900,
      height: 400,
    });
  });

  it('orders spans as a call tree, each child indented one level under its parent', () => {
    const rows = layoutOf(AGENT).rows;
    expect(rows.map((row) => [row.span.id, row.depth])).toEqual([
      ['root', 0],
      ['plan', 1],
      ['llm', 2],
      ['tool', 1],
    ]);
    expect(rows[2]!.labelX).toBeGreaterThan(rows[1]!.labelX);
    expect(rows[1]!.labelX).toBeGreaterThan(rows[0]!.labelX);
    expect(rows[2]!.parentRow).toBe(1);
  });

  it('draws error spans in red on a red band and other spans in the ok colour', () => {
    const image = decode(renderTraceTimeline(AGENT));
    const rows = layoutOf(AGENT).rows;
    const centre = (id: string) => {
      const { bar } = rows.find((row) => row.span.id === id)!;
      return [bar.x + bar.width / 2, bar.y + bar.height / 2] as const;
    };
    const [ex, ey] = centre('tool');
    expect(image.hasNear(ex, ey, STATUS_COLOURS.error.fill, 0, 4)).toBe(true);
    const [ox, oy] = centre('llm');
    expect(image.hasNear(ox, oy, STATUS_COLOURS.ok.fill, 0, 4)).toBe(true);
    expect(image.hasNear(ox, oy, STATUS_COLOURS.error.fill, 0, 24)).toBe(false);
    const errorRow = rows.find((row) => row.span.id === 'tool')!.band;
    expect(image.hasNear(errorRow.width - 3, errorRow.y + 2, STATUS_COLOURS.error.row!, 0, 4)).toBe(
      true,
    );
  });

  it('places bars on a shared time axis, their widths proportional to duration', () => {
    const rows = layoutOf(AGENT).rows;
    const bar = (id: string) => rows.find((row) => row.span.id === id)!.bar;
    expect(bar('root').width / bar('plan').width).toBeCloseTo(1000 / 400, 1);
    expect(bar('tool').x).toBeGreaterThan(bar('plan').x + bar('plan').width);
    expect(traceTimelineToSvg(AGENT)).toContain('>300 ms<');
  });

  it('keeps error spans and their ancestors when rows are capped, and counts the rest', () => {
    const spans = [span('root', undefined, 0, 5000)];
    for (let i = 0; i < 60; i++) spans.push(span(`s${i}`, 'root', i * 50, i * 50 + 40));
    spans.push(
      span('bad-parent', 'root', 4000, 4800),
      span('bad', 'bad-parent', 4100, 4700, 'error'),
    );
    const input = { title: 'big', spans, maxRows: 10 };
    const ids = layoutOf(input).rows.map((row) => row.span.id);
    expect(ids).toHaveLength(10);
    expect(ids).toEqual(expect.arrayContaining(['root', 'bad-parent', 'bad']));
    expect(traceTimelineToSvg(input)).toContain('53 more spans not shown');
  });

  it('shows orphans and spans in a parent cycle as roots instead of losing them', () => {
    const spans = [span('a', 'b', 0, 10), span('b', 'a', 5, 15), span('orphan', 'gone', 20, 30)];
    const rows = layoutOf({ title: 'odd', spans }).rows;
    expect(rows.map((row) => row.span.id).sort()).toEqual(['a', 'b', 'orphan']);
    expect(rows.find((row) => row.span.id === 'orphan')!.depth).toBe(0);
  });

  it('draws an empty trace with a note', () => {
    const input = { title: 'nothing', spans: [] };
    expect(traceTimelineToSvg(input)).toContain('>no spans<');
    expect(ihdrSize(renderTraceTimeline(input)).width).toBe(1100);
  });

  it('refuses a span with an unknown status', () => {
    const bad = { title: 't', spans: [{ ...span('x', undefined, 0, 1), status: 'exploded' }] };
    expect(() => renderTraceTimeline(bad as never)).toThrow(ZodError);
  });
});
