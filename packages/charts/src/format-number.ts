/** A tick label: as many decimals as the tick step needs, k/M suffixes for large steps. */
export function formatTick(value: number, step: number): string {
  if (value === 0) return '0';
  const size = Math.max(Math.abs(value), step);
  if (step < 1e-3 || size >= 1e9)
    return trimExponent(value.toExponential(precisionFor(value, step)));
  if (step >= 1000 && size >= 1e4) {
    const [unit, suffix] = size >= 1e6 ? [1e6, 'M'] : [1e3, 'k'];
    return `${formatFixed(value / unit, step / unit)}${suffix}`;
  }
  return formatFixed(value, step);
}

/** A measured value (min/max/last annotations, legend): four significant digits. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 1e-3 || size >= 1e7) return trimExponent(value.toExponential(3));
  return String(Number(value.toPrecision(4)));
}

function formatFixed(value: number, step: number): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return value.toFixed(Math.min(decimals, 12));
}

function precisionFor(value: number, step: number): number {
  const digits = Math.floor(Math.log10(Math.abs(value))) - Math.floor(Math.log10(step));
  return Math.min(6, Math.max(0, digits));
}

/** `1.500e-4` → `1.5e-4`: trailing zeros of the mantissa say nothing. */
function trimExponent(text: string): string {
  return text.replace(/\.?0+e/, 'e').replace('e+', 'e');
}
