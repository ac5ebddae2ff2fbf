import { truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { webhookIdInput } from './webhook-inputs.js';
import { WebhookEventSchema } from './webhook-model.js';
import { parseWebhookId, testWebhook } from './webhooks-api.js';

const MAX_BODY_CHARS = 2000;

/** mlflow_test_webhook: have MLflow send one example delivery. Listed only when writes are enabled. */
export const testWebhookTool = defineMlflowTool({
  name: 'mlflow_test_webhook',
  title: 'Send a test delivery of an MLflow webhook',
  description:
    "Send a real example delivery of one event to an MLflow webhook's URL and report the answer.",
  namespace: 'mlflow',
  toolsets: ['webhooks'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    webhookId: webhookIdInput,
    event: WebhookEventSchema.optional().describe('Default: its first event.'),
  }),
  outputSchema: z.object({
    webhookId: z.string(),
    delivered: z.boolean().describe('True when the target answered with a status below 400.'),
    responseStatus: z.number().optional().describe("The target's HTTP status."),
    responseBody: z.string().optional().describe("Start of the target's answer."),
    responseBodyTruncated: z.boolean().optional(),
    error: z.string().optional().describe('Why MLflow could not deliver (connection, TLS, ...).'),
  }),
  async handler(input, { client, signal }) {
    const webhookId = parseWebhookId(input.webhookId);
    const result = await testWebhook(client, webhookId, input.event, { signal });
    const out: {
      webhookId: string;
      delivered: boolean;
      responseStatus?: number;
      responseBody?: string;
      responseBodyTruncated?: boolean;
      error?: string;
    } = { webhookId, delivered: result.success };
    if (result.responseStatus !== undefined) out.responseStatus = result.responseStatus;
    if (result.responseBody) {
      const body = truncateText(result.responseBody, MAX_BODY_CHARS);
      out.responseBody = body.text;
      if (body.truncated) out.responseBodyTruncated = true;
    }
    if (result.error) out.error = truncateText(result.error, MAX_BODY_CHARS).text;
    return out;
  },
});
