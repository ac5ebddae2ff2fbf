import { z } from 'zod';
import { createWebhook } from '../api/webhooks.js';
import { WebhookSchema } from '../webhook-model.js';
import { defineMlflowTool } from './define.js';
import {
  webhookDescriptionInput,
  webhookEventsInput,
  webhookNameInput,
  webhookSecretInput,
  webhookStatusInput,
  webhookUrlInput,
} from './webhook-inputs.js';

/** mlflow_create_webhook: subscribe a URL to registry events. Listed only when writes are enabled. */
export const createWebhookTool = defineMlflowTool({
  name: 'mlflow_create_webhook',
  title: 'Create an MLflow webhook',
  description:
    'Create an MLflow webhook: MLflow POSTs a JSON payload to `url` whenever one of `events` ' +
    'happens in the model or prompt registry (e.g. model_version_alias.created to deploy a new ' +
    'champion). With a `secret`, deliveries are HMAC-signed; the secret is never shown again. ' +
    'Check delivery with mlflow_test_webhook. MLflow refuses http and private-network URLs unless ' +
    'the server allows them (MLFLOW_WEBHOOK_ALLOWED_SCHEMES, MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS).',
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
