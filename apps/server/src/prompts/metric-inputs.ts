import { z } from 'zod';

/** The metric argument: a key exactly as logged. */
export const metricInput = z
  .string()
  .trim()
  .min(1)
  .max(250)
  .describe('Metric key exactly as logged, e.g. "val_loss" or "eval/accuracy".');

/** Which end of the metric is best; required, since a wrong default would rank the worst first. */
export const directionInput = z
  .enum(['asc', 'desc'])
  .describe(
    '"asc" when lower is better (losses, errors), "desc" when higher is better (accuracy, F1).',
  );

/** The metric as an MLflow order-by column: keys beyond [A-Za-z0-9_] need backquotes. */
export function mlflowMetricColumn(metric: string): string {
  return /^[A-Za-z0-9_]+$/.test(metric) ? `metrics.${metric}` : `metrics.\`${metric}\``;
}
