import { EntityRefSchema, RunStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** Several runs side by side: where their configs differ and their summary metrics. */
export const RunComparisonSchema = z.object({
  runs: z.array(
    z.object({
      ref: EntityRefSchema,
      id: z.string(),
      name: z.string().optional(),
      status: RunStatusSchema,
      rawStatus: z.string(),
    }),
  ),
  configDiff: z
    .record(z.string(), z.array(z.unknown()))
    .describe(
      'Config keys (dotted) whose values differ; values[i] belongs to runs[i], null = unset.',
    ),
  sameConfigKeys: z.number().describe('How many config keys have the same value in every run.'),
  metrics: z
    .record(z.string(), z.array(z.union([z.number(), z.string(), z.null()])))
    .describe('Summary metrics side by side; values[i] belongs to runs[i].'),
  best: z
    .record(z.string(), z.object({ lowest: z.string(), highest: z.string() }))
    .optional()
    .describe('Per metric, the run ids with the lowest and highest value.'),
  truncated: z
    .boolean()
    .optional()
    .describe('Some metric keys were left out; name them in `metrics`.'),
});
export type RunComparison = z.infer<typeof RunComparisonSchema>;
