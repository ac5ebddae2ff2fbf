import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { webhookIdInput } from './webhook-inputs.js';
import { deleteWebhook, parseWebhookId } from './webhooks-api.js';

/** mlflow_delete_webhook: stop and remove a webhook. Listed only when writes are enabled. */
export const deleteWebhookTool = defineMlflowTool({
  name: 'mlflow_delete_webhook',
  title: 'Delete an MLflow webhook',
  description: 'Delete an MLflow webhook (no restore; status DISABLED pauses it instead).',
  namespace: 'mlflow',
  toolsets: ['webhooks'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ webhookId: webhookIdInput }),
  outputSchema: z.object({ webhookId: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const webhookId = parseWebhookId(input.webhookId);
    await deleteWebhook(client, webhookId, { signal });
    return { webhookId, deleted: true as const };
  },
});
