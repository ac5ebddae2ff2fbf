import { z } from 'zod';

/**
 * The events an MLflow webhook can subscribe to, as "<entity>.<action>" (the strings MLflow's
 * Python client uses; entities/webhook.py VALID_ENTITY_ACTIONS). Other combinations are rejected
 * by the server.
 */
export const WEBHOOK_EVENTS = [
  'registered_model.created',
  'model_version.created',
  'model_version_tag.set',
  'model_version_tag.deleted',
  'model_version_alias.created',
  'model_version_alias.deleted',
  'prompt.created',
  'prompt_version.created',
  'prompt_tag.set',
  'prompt_tag.deleted',
  'prompt_version_tag.set',
  'prompt_version_tag.deleted',
  'prompt_alias.created',
  'prompt_alias.deleted',
  'budget_policy.exceeded',
] as const;

export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/** A webhook as the tools show it. Its signing secret is write-only and never part of it. */
export const WebhookSchema = z.object({
  id: z.string().describe('Webhook id (a UUID).'),
  name: z.string(),
  url: z.string().describe('Where MLflow POSTs the event payloads.'),
  events: z.array(z.string()).describe('Subscribed events as "<entity>.<action>".'),
  status: z.string().describe('ACTIVE (delivers events) or DISABLED.'),
  description: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Webhook = z.infer<typeof WebhookSchema>;
