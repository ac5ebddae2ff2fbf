import { describe, expect, it } from 'vitest';
import { fitItemsToBudget, fitPageToBudget, resumable } from './budget.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { downsampleIndexes, seriesStats, shrinkSeries } from './downsample.js';
import { projectFields } from './project.js';
import { estimateTokens, toCompactJson } from './tokens.js';
import { truncateText } from './truncate-text.js';

describe('output shaping', () => {
  it('serialises without whitespace', () => {
    expect(toCompactJson({ a: 1, b: [1, 2] })).toBe('{"a":1,"b":[1,2]}');
  });

  it('keeps a page that fits the budget unchanged', () => {
    const page = { items: [1, 2, 3], nextCursor: 'c' };
    expect(fitPageToBudget(page, 1000)).toEqual(page);
  });

  it('cuts a page that exceeds the budget and says where to resume', () => {
    const items = Array.from({ length: 50 }, (_v, i) => ({ id: i, text: 'x'.repeat(100) }));
    const page = resumable({ items, nextCursor: 'later' }, 'tok', 0, encodeCursor);
    const fitted = fitPageToBudget(page, 500);
    expect(fitted.truncated).toBe(true);
    expect(fitted.items.length).toBeGreaterThan(0);
    expect(fitted.items.length).toBeLessThan(50);
    expect(estimateTokens(toCompactJson(fitted))).toBeLessThanOrEqual(500);
    expect(decodeCursor(fitted.nextCursor)).toEqual({ token: 'tok', skip: fitted.items.length });
    expect('resumeAt' in fitted).toBe(false);
  });

  it('always keeps at least one item', () => {
    const fitted = fitPageToBudget({ items: ['x'.repeat(10_000), 'y'] }, 10);
    expect(fitted.items).toHaveLength(1);
    expect(fitted.truncated).toBe(true);
  });

  it('cuts the items of a merged result to the budget, keeping its other fields', () => {
    const items = Array.from({ length: 40 }, (_v, i) => ({ id: i, text: 'x'.repeat(100) }));
    const fitted = fitItemsToBudget({ items, caveats: ['prefect: timeout'] }, 400);
    expect(fitted.items.length).toBeGreaterThan(0);
    expect(fitted.items.length).toBeLessThan(40);
    expect(fitted.items[0]).toEqual(items[0]);
    expect(fitted).toMatchObject({ caveats: ['prefect: timeout'], truncated: true });
    expect(estimateTokens(toCompactJson(fitted))).toBeLessThanOrEqual(400);
  });

  it('leaves a merged result that fits unmarked', () => {
    const result = { items: [1, 2, 3], caveats: [] };
    expect(fitItemsToBudget(result, 1000)).toBe(result);
  });

  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor({ token: 'abc', skip: 7 }))).toEqual({
      token: 'abc',
      skip: 7,
    });
  });

  it('rejects a cursor it did not issue, naming the field', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(
      expect.objectContaining({ field: 'cursor' }),
    );
  });

  it('projects top-level and dotted fields', () => {
    const run = { id: 'r', name: 'n', metrics: { loss: 1, acc: 2 } };
    expect(projectFields(run, ['id', 'metrics.acc'])).toEqual({ id: 'r', metrics: { acc: 2 } });
  });

  it('marks truncated text with how much was cut', () => {
    expect(truncateText('abcdef', 3)).toEqual({ text: 'abc… [3 more chars]', truncated: true });
  });

  it('downsamples a long series to the budget keeping first, last and the extremes', () => {
    const values = Array.from(
      { length: 4000 },
      (_v, i) => Math.sin(i / 100) * 10 + (i === 1234 ? 100 : 0),
    );
    const kept = downsampleIndexes(values, 200);
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(3999);
    expect(kept).toContain(1234);
  });
});

describe('seriesStats and shrinkSeries', () => {
  it('gives min, max, first, last and mean of the values', () => {
    expect(seriesStats([3, 1, 4, 1, 5])).toEqual({ min: 1, max: 5, first: 3, last: 5, mean: 2.8 });
  });

  it('thins steps, values and timestamps together and keeps other fields', () => {
    const values = Array.from({ length: 100 }, (_v, i) => Math.sin(i / 5));
    const series = {
      key: 'loss',
      steps: values.map((_v, i) => i),
      values,
      timestamps: values.map((_v, i) => 1000 + i),
      downsampled: false,
      totalPoints: 100,
    };
    const shrunk = shrinkSeries(series, 10);
    expect(shrunk.values.length).toBeLessThanOrEqual(10);
    expect(shrunk.steps.map((step) => values[step])).toEqual(shrunk.values);
    expect(shrunk.timestamps).toEqual(shrunk.steps.map((step) => 1000 + step));
    expect(shrunk).toMatchObject({ key: 'loss', totalPoints: 100, downsampled: true });
  });

  it('returns a short series unchanged', () => {
    const series = { steps: [0, 1], values: [1, 2], downsampled: false };
    expect(shrinkSeries(series, 10)).toBe(series);
  });
});
