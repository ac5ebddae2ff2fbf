import { z } from 'zod';
import { WebhookEventSchema } from './webhook-model.js';

/** Input fields the webhook tools share, described once. */

export const webhookIdInput = z.string().min(1).max(128);

export const webhookNameInput = z.string().min(1).max(62);

export const webhookUrlInput = z.url({ protocol: /^https?$/ }).max(2000);

export const webhookEventsInput = z
  .array(WebhookEventSchema)
  .min(1)
  .max(15)
  .describe('e.g. ["model_version_alias.created"].');

export const webhookStatusInput = z.enum(['ACTIVE', 'DISABLED']);

export const webhookSecretInput = z
  .string()
  .min(1)
  .max(1000)
  .describe('HMAC-SHA256 signing secret; write-only.');

export const webhookDescriptionInput = z.string().max(1000);
