import { truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbReportDetailSchema } from './wandb-report.js';

/** wandb_get_report: one report with its (shortened) spec. */
export const getReportTool = defineWandbTool({
  name: 'wandb_get_report',
  title: 'Get a W&B report',
  description: 'One W&B report with its spec (blocks, panels, run sets), cut to maxSpecChars.',
  namespace: 'wandb',
  toolsets: ['reports'],
  access: 'read',
  inputSchema: z.object({
    report: z.string().min(4).max(1000).describe('Id or URL.'),
    maxSpecChars: z
      .number()
      .int()
      .min(0)
      .max(50_000)
      .default(4000)
      .describe('Longest spec text returned; 0 leaves the spec out.'),
  }),
  outputSchema: WandbReportDetailSchema,
  async handler(input, { client, signal }) {
    const { report, spec } = await client.getReport(input.report, { signal });
    const detail: z.infer<typeof WandbReportDetailSchema> = { ...report };
    if (spec !== undefined) {
      detail.specChars = spec.length;
      if (input.maxSpecChars > 0) {
        const cut = truncateText(spec, input.maxSpecChars);
        detail.spec = cut.text;
        if (cut.truncated) detail.specTruncated = true;
      } else {
        detail.specTruncated = true;
      }
    }
    return detail;
  },
});
