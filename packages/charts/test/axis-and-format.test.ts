import { describe, expect, it } from 'vitest';
import { formatDuration } from '../src/format-duration.js';
import { formatTick, formatValue } from '../src/format-number.js';
import { niceAxis } from '../src/nice-axis.js';
import { fitText, textWidth } from '../src/text-width.js';

describe('niceAxis', () => {
  it('widens a range to round 1-2-5 steps', () => {
    expect(niceAxis(0.83, 2.46, 5)).toEqual({
      min: 0.5,
      max: 2.5,
      step: 0.5,
      ticks: [0.5, 1, 1.5, 2, 2.5],
    });
    expect(niceAxis(0.83, 2.46, 8).ticks).toEqual([0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6]);
    expect(niceAxis(0, 980, 6).ticks).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('opens a flat range around its value', () => {
    const axis = niceAxis(3, 3);
    expect(axis.min).toBeLessThan(3);
    expect(axis.max).toBeGreaterThan(3);
  });

  it('never shows floating-point drift in ticks', () => {
    for (const tick of niceAxis(0, 0.7, 7).ticks)
      expect(String(tick).length).toBeLessThanOrEqual(4);
  });
});

describe('number and duration formats', () => {
  it('labels ticks with the decimals the step needs and k/M for large steps', () => {
    expect(formatTick(0.4, 0.2)).toBe('0.4');
    expect(formatTick(1.25, 0.05)).toBe('1.25');
    expect(formatTick(20_000, 5000)).toBe('20k');
    expect(formatTick(1.5e-4, 5e-5)).toBe('1.5e-4');
  });

  it('gives measured values four significant digits', () => {
    expect(formatValue(0.836812)).toBe('0.8368');
    expect(formatValue(2.0e-5)).toBe('2e-5');
    expect(formatValue(12345.6)).toBe('12350');
  });

  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(0.25)).toBe('0.25 ms');
    expect(formatDuration(655)).toBe('655 ms');
    expect(formatDuration(4870)).toBe('4.87 s');
    expect(formatDuration(125_000)).toBe('2 m 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 m');
  });
});

describe('text measurement', () => {
  it('measures with the bundled font metrics and cuts long text with an ellipsis', () => {
    expect(textWidth('iiii', 12)).toBeLessThan(textWidth('WWWW', 12));
    const cut = fitText('a-very-long-run-name-that-does-not-fit', 12, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(100 + 12);
    expect(fitText('short', 12, 100)).toBe('short');
  });
});
