import { z } from 'zod';
import { callsFilterParts } from './call-search.js';
import { defineWeaveTool } from './define-tool.js';
import { callFilterInputs, callFilters } from './filter-input.js';
import { traceIdsInput } from './weave-inputs.js';
import type { CallStatusFilter } from './weave-query.js';

/** wandb_get_call_stats: exact counts of matching calls, split by status. */
export const getCallStatsTool = defineWeaveTool({
  name: 'wandb_get_call_stats',
  title: 'Count W&B Weave calls',
  description: 'Exact counts of Weave calls matching filters, split into ok, error and running.',
  namespace: 'wandb',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    ...callFilterInputs,
    traceIds: traceIdsInput,
    rootsOnly: z.boolean().default(false),
  }),
  outputSchema: z.object({
    project: z.string(),
    count: z.number().describe('All matching calls.'),
    ok: z.number(),
    error: z.number(),
    running: z.number(),
  }),
  async handler(input, { client, signal }) {
    const filters = callFilters(client, input);
    const count = (status?: CallStatusFilter) =>
      client
        .callStats(
          { project_id: filters.project.id, ...callsFilterParts({ ...filters, status }) },
          { signal },
        )
        .then((stats) => stats.count);
    // With a status filter of its own, the split is that status alone.
    const [total, error, running] = await Promise.all([
      count(filters.status),
      filters.status && filters.status !== 'error' ? Promise.resolve(0) : count('error'),
      filters.status && filters.status !== 'running' ? Promise.resolve(0) : count('running'),
    ]);
    return {
      project: filters.project.id,
      count: total,
      ok: Math.max(0, total - error - running),
      error,
      running,
    };
  },
});
