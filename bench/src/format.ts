import type { Spread } from './stats.js';

/** A number with a fixed count of decimals. */
export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** A ratio with its spread: "1.32× (1.28–1.40)" = median (min–max); small ratios keep 2 significant digits. */
export function ratioCell(ratio: Spread): string {
  const digits = ratio.min > 0 && ratio.min < 0.1 ? Math.ceil(-Math.log10(ratio.min)) + 1 : 2;
  return `${fixed(ratio.median, digits)}× (${fixed(ratio.min, digits)}–${fixed(ratio.max, digits)})`;
}

/** A measure with its spread: "12.3 (11.9–13.0)" = median (min–max). */
export function spreadCell(value: Spread, digits = 1): string {
  return `${fixed(value.median, digits)} (${fixed(value.min, digits)}–${fixed(value.max, digits)})`;
}

/** A plain-text table with padded columns, for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A Markdown table. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
