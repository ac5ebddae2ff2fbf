/** An axis range widened to round numbers, with its tick positions. */
export interface NiceAxis {
  min: number;
  max: number;
  /** Distance between ticks. */
  step: number;
  ticks: number[];
}

/**
 * Widens [lo, hi] to multiples of a 1-2-5 step giving about `target` ticks, the way people
 * label axes by hand. A flat range (lo = hi) is opened around its value so it still has ticks.
 */
export function niceAxis(lo: number, hi: number, target = 5): NiceAxis {
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  // Multiply from integers rather than adding steps, so 0.1 + 0.2 drift never shows in a label.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++)
    ticks.push(Number((i * step).toFixed(Math.min(decimals, 20))));
  return { min: ticks[0]!, max: ticks.at(-1)!, step, ticks };
}
