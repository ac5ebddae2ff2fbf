import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, isoTimeInput, limitInput, timeWindow } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { briefEvent, PrefectEventViewSchema } from './event.js';

const eventStrings = (what: string) =>
  z.array(z.string().min(1).max(300)).min(1).max(20).optional().describe(what);

/** prefect_list_events: events in a time window by name, prefix or resource, across server pages. */
export const listEventsTool = definePrefectTool({
  name: 'prefect_list_events',
  title: 'List Prefect events',
  description:
    'List Prefect events (state changes, worker, pool and custom events) by name, prefix or resource, newest first.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'events'],
  access: 'read',
  inputSchema: z.object({
    since: isoTimeInput('Default: 24 h before until.'),
    until: isoTimeInput('Default: now.'),
    names: eventStrings('Exact event names, e.g. ["prefect.flow-run.Failed"].'),
    prefixes: eventStrings('Event name prefixes, e.g. ["prefect.flow-run.", "prefect.worker."].'),
    resourceIds: eventStrings('Primary resource ids, e.g. ["prefect.flow-run.<uuid>"].'),
    relatedTo: eventStrings(
      'Resource ids that may be the primary or a related resource (e.g. all events of a deployment).',
    ),
    order: z.enum(['newest_first', 'oldest_first']).default('newest_first'),
    maxPayloadChars: z
      .number()
      .int()
      .min(0)
      .max(2000)
      .default(300)
      .describe('Longest payload kept per event, in JSON characters; 0 omits it.'),
    includeRelated: z.boolean().default(false),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PrefectEventViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const window = timeWindow(input, 24);
    const page = await client.listEvents(
      {
        ...window,
        names: input.names,
        prefixes: input.prefixes,
        resourceIds: input.resourceIds,
        anyResourceIds: input.relatedTo,
        newestFirst: input.order === 'newest_first',
        limit: input.limit,
        cursor: input.cursor,
      },
      { signal },
    );
    const brief = page.items.map((event) =>
      briefEvent(event, {
        maxPayloadChars: input.maxPayloadChars,
        includeRelated: input.includeRelated,
      }),
    );
    return fitPageToBudget({ ...page, items: brief }, maxResponseTokens);
  },
});
