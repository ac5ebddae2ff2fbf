import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  webhookDescriptionInput,
  webhookEventsInput,
  webhookIdInput,
  webhookNameInput,
  webhookSecretInput,
  webhookStatusInput,
  webhookUrlInput,
} from './webhook-inputs.js';
import { WebhookSchema } from './webhook-model.js';
import { parseWebhookId, updateWebhook } from './webhooks-api.js';

/** mlflow_update_webhook: change a webhook in place. Listed only when writes are enabled. */
export const updateWebhookTool = defineMlflowTool({
  name: 'mlflow_update_webhook',
  title: 'Update an MLflow webhook',
  description: 'Change an MLflow webhook; omitted fields stay, events are replaced.',
  namespace: 'mlflow',
  toolsets: ['webhooks'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    webhookId: webhookIdInput,
    name: webhookNameInput.optional(),
    url: webhookUrlInput.optional(),
    events: webhookEventsInput.optional(),
    description: webhookDescriptionInput.optional().describe('"" clears it.'),
    secret: webhookSecretInput.optional(),
    status: webhookStatusInput.optional(),
  }),
  outputSchema: WebhookSchema.extend({
    secretRotated: z.boolean().describe('True when a new secret was stored.'),
  }),
  async handler(input, { client, signal }) {
    const { webhookId, ...changes } = input;
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new InvalidInputError('Nothing to update: give at least one field to change.', {
        field: 'webhookId',
        hint: 'Pass name, url, events, description, secret or status.',
      });
    }
    const webhook = await updateWebhook(client, parseWebhookId(webhookId), changes, { signal });
    return { ...webhook, secretRotated: input.secret !== undefined };
  },
});
