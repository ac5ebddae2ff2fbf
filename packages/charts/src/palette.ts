import type { TraceStatus } from '@mlops-mcp/core';

/**
 * Series colours: the Tableau 10 order, distinct for the usual colour-vision deficiencies in
 * its first few entries and far from the greys used for axes, grid and text.
 */
export const SERIES_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
] as const;

/** The colour of the `index`-th series (cycles past ten). */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** Neutral inks for chart furniture. */
export const INK = {
  title: '#1a1a1a',
  text: '#333333',
  muted: '#6b6b6b',
  axis: '#8c8c8c',
  grid: '#e6e6e6',
  band: '#f6f6f6',
} as const;

/** Span bar fill and outline by status: errors in red so they stand out at a glance. */
export const STATUS_COLOURS: Record<TraceStatus, { fill: string; stroke: string; row?: string }> = {
  ok: { fill: '#4e79a7', stroke: '#35587d' },
  error: { fill: '#e15759', stroke: '#a52a2c', row: '#fdecec' },
  running: { fill: '#f2c14e', stroke: '#b38a1f' },
  unknown: { fill: '#bab0ac', stroke: '#8a8280' },
};
