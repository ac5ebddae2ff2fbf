import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineWeaveTool } from './define-tool.js';
import { FeedbackItemSchema, mapFeedback } from './map-feedback.js';
import { callRef, requireCallId } from './weave-ids.js';
import { cursorInput, entityInput, limitInput, projectInput } from './weave-inputs.js';
import { cursorSkip, offsetRowsPage } from './weave-page.js';
import { andAll, field, literal } from './weave-query.js';

/** wandb_list_feedback: reactions, notes and scores attached to calls. */
export const listFeedbackTool = defineWeaveTool({
  name: 'wandb_list_feedback',
  title: 'List W&B Weave feedback',
  description:
    'List feedback on Weave calls (reactions, notes, scorer results), for one call or the project.',
  namespace: 'wandb',
  toolsets: ['traces', 'feedback'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    callId: z.string().min(1).max(128).optional(),
    types: z
      .array(z.string().min(1).max(200))
      .max(20)
      .optional()
      .describe('e.g. ["wandb.note.1"] or a scorer name.'),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(FeedbackItemSchema).extend({ project: z.string() }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const project = client.project(input);
    const offset = cursorSkip(input.cursor);
    const conditions: Record<string, unknown>[] = [];
    if (input.callId) {
      const ref = callRef(project, requireCallId(input.callId, 'callId'));
      conditions.push({ $eq: [field('weave_ref'), literal(ref)] });
    }
    if (input.types?.length) {
      conditions.push({ $in: [field('feedback_type'), input.types.map((type) => literal(type))] });
    }
    const expr = andAll(conditions);
    const rows = await client.queryFeedback(
      {
        project_id: project.id,
        ...(expr ? { query: { $expr: expr } } : {}),
        sort_by: [{ field: 'created_at', direction: 'desc' }],
        limit: input.limit + 1,
        offset,
      },
      { signal },
    );
    const page = offsetRowsPage(rows, input.limit, offset, mapFeedback);
    return { ...fitPageToBudget(page, maxResponseTokens), project: project.id };
  },
});
