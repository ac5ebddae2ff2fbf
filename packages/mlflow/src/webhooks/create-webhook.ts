import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  webhookDescriptionInput,
  webhookEventsInput,
  webhookNameInput,
  webhookSecretInput,
  webhookStatusInput,
  webhookUrlInput,
} from './webhook-inputs.js';
import { WebhookSchema } from './webhook-model.js';
import { createWebhook } from './webhooks-api.js';

/** mlflow_create_webhook: subscribe a URL to registry events. Listed only when writes are enabled. */
export const createWebhookTool = defineMlflowTool({
  name: 'mlflow_create_webhook',
  title: 'Create an MLflow webhook',
  description:
    'Create an MLflow webhook that POSTs registry events to a URL (https, public hosts by default).',
  namespace: 'mlflow',
  toolsets: ['webhooks'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    name: webhookNameInput,
    url: webhookUrlInput,
    events: webhookEventsInput,
    description: webhookDescriptionInput.optional(),
    secret: webhookSecretInput.optional(),
    status: webhookStatusInput.default('ACTIVE'),
  }),
  outputSchema: WebhookSchema.extend({
    signed: z.boolean().describe('True when a secret was stored, so deliveries are signed.'),
  }),
  async handler(input, { client, signal }) {
    const webhook = await createWebhook(client, input, { signal });
    return { ...webhook, signed: input.secret !== undefined };
  },
});
