import { fitPageToBudget, pageSchema, projectFields } from '@mlops-mcp/core';
import { z } from 'zod';
import { CaveatsSchema } from '../shared/caveats.js';
import {
  cursorInput,
  entityInput,
  includeInternalInput,
  limitInput,
  projectInput,
} from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbRunSchema } from './wandb-run.js';

/** wandb_search_runs: filter, sort and page the runs of one project. */
export const searchRunsTool = defineWandbTool({
  name: 'wandb_search_runs',
  title: 'Search W&B runs',
  description:
    'Find runs of one W&B project with MongoDB-style filters, e.g. {"summary_metrics.eval/accuracy": {"$gt": 0.8}}.',
  namespace: 'wandb',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    filters: z.string().max(4000).optional().describe('MongoDB-style filter as JSON text.'),
    order: z
      .string()
      .max(250)
      .optional()
      .describe(
        '"+"/"-" and created_at, heartbeat_at, summary_metrics.<key> or config.<key>; default newest first.',
      ),
    limit: limitInput(25, 500),
    cursor: cursorInput,
    fields: z
      .array(z.string().min(1).max(250))
      .max(50)
      .optional()
      .describe('e.g. ["name","summary.eval/accuracy","config.learning_rate"].'),
    includeInternal: includeInternalInput,
  }),
  outputSchema: pageSchema(WandbRunSchema.partial()).extend({
    entity: z.string(),
    project: z.string(),
    caveats: CaveatsSchema,
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const { entity, project, caveats, ...page } = await client.searchWandbRuns(input, { signal });
    const fields = input.fields;
    const projected = fields?.length
      ? { ...page, items: page.items.map((run) => projectFields(run, ['ref', 'id', ...fields])) }
      : page;
    return {
      ...fitPageToBudget(projected, maxResponseTokens),
      entity,
      project,
      ...(caveats ? { caveats } : {}),
    };
  },
});
