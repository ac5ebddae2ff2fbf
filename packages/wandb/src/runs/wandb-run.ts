import { EntityRefSchema, RunStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** A W&B run as the wandb_* tools show it: config unwrapped, internals dropped, ISO times. */
export const WandbRunSchema = z.object({
  ref: EntityRefSchema,
  id: z.string().describe('Run id: the short name in the run URL.'),
  name: z.string().optional().describe('Display name.'),
  entity: z.string(),
  project: z.string(),
  status: RunStatusSchema,
  rawStatus: z.string().describe('W&B state: running, finished, failed, crashed, killed...'),
  createdAt: z.string().optional().describe('ISO 8601'),
  heartbeatAt: z.string().optional().describe('ISO 8601; last sign of life of the run process.'),
  durationMs: z.number().optional(),
  lastStep: z.number().optional().describe('`_step` of the last logged history row.'),
  historyLineCount: z.number().optional(),
  user: z.string().optional(),
  host: z.string().optional(),
  group: z.string().optional(),
  jobType: z.string().optional(),
  sweep: z.string().optional().describe('Sweep id, for wandb_get_sweep.'),
  tags: z.array(z.string()),
  notes: z.string().optional(),
  description: z.string().optional(),
  commit: z.string().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  summary: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Latest value of each logged key; NaN/Infinity appear as strings.'),
  systemMetrics: z.record(z.string(), z.unknown()).optional(),
  textTruncated: z.boolean().optional().describe('Some long text values were shortened.'),
});
export type WandbRun = z.infer<typeof WandbRunSchema>;
