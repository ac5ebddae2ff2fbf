import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { WebhookSchema } from './webhook-model.js';
import { listWebhooks, MLFLOW_MAX_WEBHOOK_RESULTS } from './webhooks-api.js';

/** mlflow_list_webhooks: the model-registry webhooks of the server, newest first. */
export const listWebhooksTool = defineMlflowTool({
  name: 'mlflow_list_webhooks',
  title: 'List MLflow webhooks',
  description:
    "List the MLflow server's webhooks (registry events POSTed to a URL); secrets are never shown.",
  namespace: 'mlflow',
  toolsets: ['webhooks'],
  access: 'read',
  inputSchema: z.object({
    limit: limitInput(25, MLFLOW_MAX_WEBHOOK_RESULTS),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(WebhookSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    return fitPageToBudget(await listWebhooks(client, input, { signal }), maxResponseTokens);
  },
});
