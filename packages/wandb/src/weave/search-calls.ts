import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { CallItemSchema } from './call-item.js';
import { searchCalls } from './call-search.js';
import { defineWeaveTool } from './define-tool.js';
import { callFilterInputs, callFilters } from './filter-input.js';
import { DEFAULT_PAYLOAD_CHARS } from './map-call.js';
import {
  callIdsInput,
  cursorInput,
  includeInput,
  limitInput,
  maxPayloadCharsInput,
  orderByInput,
  parentIdsInput,
  traceIdsInput,
} from './weave-inputs.js';
import { parseOrderBy } from './weave-sort.js';

/** wandb_search_calls: any Weave calls (spans), with every filter the trace server has. */
export const searchCallsTool = defineWeaveTool({
  name: 'wandb_search_calls',
  title: 'Search W&B Weave calls',
  description:
    'Find Weave calls (nested ones included) by op, trace, parent, status, time or $expr query, newest first.',
  namespace: 'wandb',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    ...callFilterInputs,
    traceIds: traceIdsInput,
    parentIds: parentIdsInput,
    callIds: callIdsInput,
    rootsOnly: z.boolean().default(false),
    include: includeInput,
    maxPayloadChars: maxPayloadCharsInput(DEFAULT_PAYLOAD_CHARS),
    orderBy: orderByInput,
    limit: limitInput(25, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(CallItemSchema).extend({
    project: z.string().describe('The entity/project searched.'),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const filters = callFilters(client, input);
    const page = await searchCalls(
      client,
      {
        ...filters,
        sortBy: parseOrderBy(input.orderBy),
        limit: input.limit,
        cursor: input.cursor,
        map: { include: input.include, maxPayloadChars: input.maxPayloadChars },
      },
      { signal, maxResponseTokens },
    );
    return { ...fitPageToBudget(page, maxResponseTokens), project: filters.project.id };
  },
});
