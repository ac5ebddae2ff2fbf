import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { createWebhookTool } from './create-webhook.js';
import { deleteWebhookTool } from './delete-webhook.js';
import { getWebhookTool } from './get-webhook.js';
import { listWebhooksTool } from './list-webhooks.js';
import { testWebhookTool } from './test-webhook.js';
import { updateWebhookTool } from './update-webhook.js';

/** The MLflow webhook tools (model and prompt registry events), in the order tools/list shows them. */
export const webhooksTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  listWebhooksTool,
  getWebhookTool,
  createWebhookTool,
  updateWebhookTool,
  deleteWebhookTool,
  testWebhookTool,
];
