import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { webhookIdInput } from './webhook-inputs.js';
import { WebhookSchema } from './webhook-model.js';
import { getWebhook, parseWebhookId } from './webhooks-api.js';

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
