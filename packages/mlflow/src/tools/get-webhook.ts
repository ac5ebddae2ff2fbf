import { z } from 'zod';
import { getWebhook, parseWebhookId } from '../api/webhooks.js';
import { WebhookSchema } from '../webhook-model.js';
import { defineMlflowTool } from './define.js';
import { webhookIdInput } from './webhook-inputs.js';

/** mlflow_get_webhook: one webhook by id (never its secret). */
export const getWebhookTool = defineMlflowTool({
  name: 'mlflow_get_webhook',
  title: 'Get an MLflow webhook',
  description: 'Get one MLflow webhook: name, URL, events, status.',
  namespace: 'mlflow',
  toolsets: ['webhooks'],
  access: 'read',
  inputSchema: z.object({ webhookId: webhookIdInput }),
  outputSchema: WebhookSchema,
  async handler(input, { client, signal }) {
    return getWebhook(client, parseWebhookId(input.webhookId), { signal });
  },
});
