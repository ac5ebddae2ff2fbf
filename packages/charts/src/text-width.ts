/**
 * Advance widths of DejaVu Sans for ASCII 32..126 in font units (2048 per em), read from the
 * bundled font's hmtx table. Layout needs text widths before resvg draws anything (to size the
 * legend, keep labels from colliding, and cut long span names), and resvg-js cannot measure.
 */
const ASCII_ADVANCES = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303,
  1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401,
  1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612,
  1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300,
  1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067,
  803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
];
const UNITS_PER_EM = 2048;
const ELLIPSIS_ADVANCE = 2048;
/** Wider than the ASCII mean, so a non-ASCII label is overestimated rather than overflowing. */
const OTHER_ADVANCE = 1500;

/** Estimated rendered width in pixels of `text` in DejaVu Sans at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    units += ASCII_ADVANCES[code - 32] ?? OTHER_ADVANCE;
  }
  return (units / UNITS_PER_EM) * fontSize;
}

/** `text` cut to fit `maxWidth` pixels, ending in an ellipsis when cut. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  const ellipsis = (ELLIPSIS_ADVANCE / UNITS_PER_EM) * fontSize;
  let width = 0;
  let kept = 0;
  for (const char of chars) {
    const next = textWidth(char, fontSize);
    if (width + next + ellipsis > maxWidth) break;
    width += next;
    kept += 1;
  }
  return kept === 0 ? '' : `${chars.slice(0, kept).join('')}…`;
}
