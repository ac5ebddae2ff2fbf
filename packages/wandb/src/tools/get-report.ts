import { truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { WandbReportDetailSchema } from '../model/wandb-report.js';
import { defineWandbTool } from './define.js';

/** wandb_get_report: one report with its (shortened) spec. */
export const getReportTool = defineWandbTool({
  name: 'wandb_get_report',
  title: 'Get a W&B report',
  description:
    'Get one W&B report: title, description, author, times, URL and its spec (the JSON of its blocks: text, panels, ' +
    'run sets), shortened to maxSpecChars. The report id comes from wandb_list_reports, or pass the report URL.',
  namespace: 'wandb',
  toolsets: ['reports'],
  access: 'read',
  inputSchema: z.object({
    report: z
      .string()
      .min(4)
      .max(1000)
      .describe('Report id (from wandb_list_reports) or report URL.'),
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
