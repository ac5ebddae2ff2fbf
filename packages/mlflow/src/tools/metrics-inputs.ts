import { z } from 'zod';

/** Input fields the metric, artifact and summary tools share, described once. */

export const runIdInput = z
  .string()
  .min(1)
  .max(200);

export const metricKeyInput = z
  .string()
  .min(1)
  .max(250)
  .describe(
    'Metric key exactly as logged, e.g. "train/loss" (mlflow_get_run lists a run\'s keys).',
  );

export const maxPointsInput = z
  .number()
  .int()
  .min(10)
  .max(2000)
  .default(200)
  .describe(
    'Most points to return per series (10-2000, default 200). Longer histories are downsampled ' +
      "keeping the first and last points and each stretch's min and max; stats always cover every point.",
  );

export const includeTimestampsInput = z
  .boolean()
  .default(false)
  .describe(
    "Also return each point's Unix-ms timestamp (off by default: steps are usually enough).",
  );
