import { z } from 'zod';

/** A report (a W&B view of type "runs"). */
export const WandbReportSchema = z.object({
  id: z.string().describe('View id: the part after "--" in the report URL; for wandb_get_report.'),
  title: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  type: z.string().optional(),
  author: z.string().optional(),
  entity: z.string().optional(),
  project: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  url: z.string().optional(),
});
export type WandbReport = z.infer<typeof WandbReportSchema>;

/** A report with its spec (the JSON document W&B renders), shortened to a budget. */
export const WandbReportDetailSchema = WandbReportSchema.extend({
  spec: z.string().optional().describe('The report spec as JSON text.'),
  specTruncated: z.boolean().optional(),
  specChars: z.number().optional().describe('Length of the full spec.'),
});
export type WandbReportDetail = z.infer<typeof WandbReportDetailSchema>;
