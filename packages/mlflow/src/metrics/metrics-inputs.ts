import { z } from 'zod';

/** Input fields the metric, artifact and summary tools share, described once. */

export const runIdInput = z.string().min(1).max(200);

export const metricKeyInput = z
  .string()
  .min(1)
  .max(250)
  .describe('Metric key as logged, e.g. "train/loss".');

export const maxPointsInput = z.number().int().min(10).max(2000).default(200);

export const includeTimestampsInput = z.boolean().default(false);
