import { z } from 'zod';
import { defineWeaveTool } from './define-tool.js';
import { callFilterInputs, callFilters } from './filter-input.js';
import { summarizeCalls, TraceSummarySchema } from './trace-summary.js';

/** wandb_summarize_traces: health of an agent/LLM app over a window, from a bounded sample. */
export const summarizeTracesTool = defineWeaveTool({
  name: 'wandb_summarize_traces',
  title: 'Summarize W&B Weave traces',
  description:
    'Aggregate Weave traces: counts by op and status, latency percentiles, top errors, tokens and cost.',
  namespace: 'wandb',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    ...callFilterInputs,
    startedAfter: callFilterInputs.startedAfter.default('24h'),
    rootsOnly: z.boolean().default(true),
    sampleSize: z
      .number()
      .int()
      .min(10)
      .max(5_000)
      .default(500)
      .describe('Most recent calls to aggregate.'),
  }),
  outputSchema: TraceSummarySchema.extend({
    window: z.object({ startedAfter: z.string().optional(), startedBefore: z.string().optional() }),
  }),
  async handler(input, { client, signal }) {
    const filters = callFilters(client, input);
    const summary = await summarizeCalls(client, filters, input.sampleSize, { signal });
    const window: { startedAfter?: string; startedBefore?: string } = {};
    if (filters.startedAfter) window.startedAfter = filters.startedAfter.toISOString();
    if (filters.startedBefore) window.startedBefore = filters.startedBefore.toISOString();
    return { ...summary, window };
  },
});
