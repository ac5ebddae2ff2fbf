import type { FeedbackCreateReq } from './weave-api-types.js';
import { callRef, type WeaveProject } from './weave-ids.js';

/** Feedback types the Weave UI shows natively (weave/trace/feedback.py). */
export const NOTE_TYPE = 'wandb.note.1';
export const REACTION_TYPE = 'wandb.reaction.1';

/** What to attach to a call. */
export type FeedbackContent =
  | { kind: 'note'; note: string }
  | { kind: 'reaction'; emoji: string }
  | { kind: 'custom'; type: string; payload: Record<string, unknown> };

/** The feedback/create body attaching `content` to a call, as the SDK's `call.feedback` builds it. */
export function feedbackRequest(
  project: WeaveProject,
  callId: string,
  content: FeedbackContent,
  creator?: string,
): FeedbackCreateReq {
  const base = { project_id: project.id, weave_ref: callRef(project, callId) };
  const withCreator = creator ? { creator } : {};
  if (content.kind === 'note') {
    return { ...base, ...withCreator, feedback_type: NOTE_TYPE, payload: { note: content.note } };
  }
  if (content.kind === 'reaction') {
    return {
      ...base,
      ...withCreator,
      feedback_type: REACTION_TYPE,
      payload: { emoji: content.emoji },
    };
  }
  return { ...base, ...withCreator, feedback_type: content.type, payload: content.payload };
}
