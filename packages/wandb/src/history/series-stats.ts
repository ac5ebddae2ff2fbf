/** min, max, first, last and mean of a non-empty list of finite numbers. */
export function seriesStats(values: readonly number[]): {
  min: number;
  max: number;
  first: number;
  last: number;
  mean: number;
} {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return { min, max, first: values[0]!, last: values.at(-1)!, mean: sum / values.length };
}
