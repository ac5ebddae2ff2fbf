import { z } from 'zod';
import { WebhookEventSchema } from '../webhook-model.js';

/** Input fields the webhook tools share, described once. */

export const webhookIdInput = z
  .string()
  .min(1)
  .max(128);

export const webhookNameInput = z
  .string()
  .min(1)
  .max(62)
  .describe(
    'Webhook name: letters, digits, ".", "_", "-"; starts and ends with a letter or digit.',
  );

export const webhookUrlInput = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe(
    'Endpoint MLflow POSTs each event to (JSON with entity, action, timestamp, data). MLflow ' +
      'accepts only https URLs of public hosts unless the server is configured otherwise.',
  );

export const webhookEventsInput = z
  .array(WebhookEventSchema)
  .min(1)
  .max(15)
  .describe(
    'Events that trigger the webhook, e.g. ["model_version.created", "model_version_alias.created"].',
  );

export const webhookStatusInput = z
  .enum(['ACTIVE', 'DISABLED'])
  .describe('ACTIVE delivers events; DISABLED keeps the webhook but sends nothing.');

export const webhookSecretInput = z
  .string()
  .min(1)
  .max(1000)
  .describe(
    'Signing secret: MLflow signs each delivery with HMAC-SHA256 (X-MLflow-Signature header). ' +
      'Write-only: never shown by any tool.',
  );

export const webhookDescriptionInput = z.string().max(1000).describe('What the webhook is for.');
