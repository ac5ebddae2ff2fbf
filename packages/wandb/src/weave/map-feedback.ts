import { z } from 'zod';
import { truncatePayload } from './truncate-payload.js';
import type { WireFeedback } from './weave-api-types.js';
import { callIdFromRef } from './weave-ids.js';
import { isoFromWeave } from './weave-time.js';

/** Longest feedback payload kept, in characters of compact JSON. */
export const MAX_FEEDBACK_PAYLOAD_CHARS = 2_000;

/** One feedback item: a reaction, a note, or any typed payload (e.g. a scorer's result). */
export const FeedbackItemSchema = z.object({
  id: z.string(),
  callId: z.string().optional().describe('The call it is attached to, when it is on a call.'),
  weaveRef: z.string().describe('What it is attached to (weave:/// ref).'),
  type: z
    .string()
    .describe(
      'wandb.reaction.1 (emoji), wandb.note.1 (text), or a custom type such as a scorer name.',
    ),
  payload: z.unknown(),
  payloadTruncated: z.boolean().optional(),
  creator: z.string().optional(),
  userId: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
});
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

/** Maps a feedback row to the item the tools return. */
export function mapFeedback(row: WireFeedback): FeedbackItem {
  const payload = truncatePayload(row.payload ?? {}, MAX_FEEDBACK_PAYLOAD_CHARS);
  const item: FeedbackItem = {
    id: row.id,
    weaveRef: row.weave_ref,
    type: row.feedback_type,
    payload: payload.value,
  };
  const callId = callIdFromRef(row.weave_ref);
  if (callId) item.callId = callId;
  if (payload.truncated) item.payloadTruncated = true;
  if (row.creator) item.creator = row.creator;
  if (row.wb_user_id) item.userId = row.wb_user_id;
  const createdAt = isoFromWeave(row.created_at);
  if (createdAt) item.createdAt = createdAt;
  return item;
}
