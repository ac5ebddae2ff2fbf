import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { searchCalls } from './call-search.js';
import { defineWeaveTool } from './define-tool.js';
import { callFilterInputs, callFilters } from './filter-input.js';
import { traceFromRoot, WeaveTraceSchema } from './map-trace.js';
import { cursorInput, limitInput, orderByInput } from './weave-inputs.js';
import { parseOrderBy } from './weave-sort.js';

/** wandb_search_traces: Weave traces (root calls), newest first, compact. */
export const searchTracesTool = defineWeaveTool({
  name: 'wandb_search_traces',
  title: 'Search W&B Weave traces',
  description:
    'Find Weave traces (root calls) with status, latency, tokens, cost and error, newest first.',
  namespace: 'wandb',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    ...callFilterInputs,
    orderBy: orderByInput,
    limit: limitInput(20, 200),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WeaveTraceSchema).extend({
    project: z.string().describe('The entity/project searched.'),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const filters = callFilters(client, { ...input, rootsOnly: true });
    const page = await searchCalls(
      client,
      {
        ...filters,
        sortBy: parseOrderBy(input.orderBy),
        limit: input.limit,
        cursor: input.cursor,
      },
      {
        signal,
        maxResponseTokens,
        shape: (item, call) => traceFromRoot(item, filters.project, call.summary?.status_counts),
      },
    );
    return { ...fitPageToBudget(page, maxResponseTokens), project: filters.project.id };
  },
});
