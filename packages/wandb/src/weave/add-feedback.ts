import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineWeaveTool } from './define-tool.js';
import { type FeedbackContent, feedbackRequest } from './feedback-request.js';
import { FeedbackItemSchema, mapFeedback } from './map-feedback.js';
import { requireCallId } from './weave-ids.js';
import { callIdInput, entityInput, projectInput } from './weave-inputs.js';

/** wandb_add_feedback: attach a note or an emoji reaction to a call. Listed only when writes are on. */
export const addFeedbackTool = defineWeaveTool({
  name: 'wandb_add_feedback',
  title: 'Add feedback to a W&B Weave call',
  description: 'Add a note or emoji reaction to a Weave call (adds, never replaces).',
  namespace: 'wandb',
  toolsets: ['traces', 'feedback'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    callId: callIdInput,
    note: z.string().min(1).max(4_000).optional(),
    reaction: z.string().min(1).max(16).optional().describe('One emoji.'),
    creator: z.string().min(1).max(200).optional(),
  }),
  outputSchema: FeedbackItemSchema,
  async handler(input, { client, signal }) {
    if ((input.note === undefined) === (input.reaction === undefined)) {
      throw new InvalidInputError('Give exactly one of note or reaction.', {
        backend: 'wandb',
        field: input.note === undefined ? 'note' : 'reaction',
      });
    }
    const project = client.project(input);
    const callId = requireCallId(input.callId, 'callId');
    // The server accepts feedback on any ref, existing or not: check the call is there first.
    await client.readCall(project, callId, { signal });
    const content: FeedbackContent =
      input.note !== undefined
        ? { kind: 'note', note: input.note }
        : { kind: 'reaction', emoji: input.reaction ?? '' };
    const request = feedbackRequest(project, callId, content, input.creator);
    const created = await client.createFeedback(request, { signal });
    return mapFeedback({
      id: created.id,
      weave_ref: request.weave_ref,
      feedback_type: request.feedback_type,
      payload: created.payload,
      creator: input.creator ?? null,
      created_at: created.created_at,
      wb_user_id: created.wb_user_id ?? null,
    });
  },
});
