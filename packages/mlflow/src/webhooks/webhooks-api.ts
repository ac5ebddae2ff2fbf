import {
  type CallOptions,
  decodeCursor,
  InvalidInputError,
  type Page,
  withHints,
} from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API, type MlflowContext } from '../shared/context.js';
import { resumedPage } from '../shared/resumable-page.js';
import { mapWebhook, webhookEventToProto } from './map-webhook.js';
import type { Webhook, WebhookEvent } from './webhook-model.js';
import {
  ListWebhooksResponseSchema,
  TestWebhookResponseSchema,
  WebhookResponseSchema,
} from './webhooks-api-types.js';

/**
 * MLflow 3.x model-registry webhooks (webhooks.proto, REST-style `/api/2.0/mlflow/webhooks` and
 * `/webhooks/<id>`; handlers `_create_webhook`, `_list_webhooks`, `_get_webhook`,
 * `_update_webhook`, `_delete_webhook`, `_test_webhook`). Writes are sent once, never retried.
 */

const API = `${MLFLOW_API}/webhooks`;

/** `list_webhooks` rejects max_results outside 1-1000 (model registry sqlalchemy_store). */
export const MLFLOW_MAX_WEBHOOK_RESULTS = 1000;

const NOT_FOUND_HINT =
  'Check the webhook id; mlflow_list_webhooks lists the webhooks and their ids.';

/**
 * The server checks target URLs itself (utils/validation.py `_validate_webhook_url`): https only
 * unless MLFLOW_WEBHOOK_ALLOWED_SCHEMES says otherwise, and hosts that resolve to public IPs only
 * unless MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS=true. Both are settings of the MLflow server process.
 */
const URL_HINT =
  'MLflow accepts only https URLs of hosts with public IP addresses by default. For http or ' +
  'internal targets (localhost, 10.x, 192.168.x) the MLflow server must run with ' +
  'MLFLOW_WEBHOOK_ALLOWED_SCHEMES=http,https and/or MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS=true.';
const URL_REFUSAL = /url|scheme|public ip|resolve|hostname/i;

const NAME_HINT =
  'Webhook names start and end with a letter or digit, are under 63 characters, and contain ' +
  'only letters, digits, ".", "_" and "-".';

/** Lists the webhooks of the server, newest first. */
export async function listWebhooks(
  mlflow: MlflowContext,
  params: { limit: number; cursor?: string | undefined },
  options: CallOptions = {},
): Promise<Page<Webhook>> {
  const { token, skip = 0 } = decodeCursor(params.cursor);
  const response = await mlflow.http.request({
    method: 'GET',
    path: API,
    query: {
      max_results: Math.min(MLFLOW_MAX_WEBHOOK_RESULTS, params.limit + skip),
      page_token: token,
    },
    idempotent: true,
    signal: options.signal,
    schema: ListWebhooksResponseSchema,
    operation: 'list webhooks',
  });
  return resumedPage(
    response.webhooks.slice(skip).map(mapWebhook),
    response.next_page_token,
    token,
    skip,
  );
}

/** Fetches one webhook by id. */
export async function getWebhook(
  mlflow: MlflowContext,
  webhookId: string,
  options: CallOptions = {},
): Promise<Webhook> {
  const response = await withWebhookHints(
    mlflow.http.request({
      method: 'GET',
      path: `${API}/${encodeURIComponent(webhookId)}`,
      signal: options.signal,
      schema: WebhookResponseSchema,
      operation: 'get webhook',
    }),
  );
  return mapWebhook(response.webhook);
}

export interface CreateWebhookParams {
  name: string;
  url: string;
  events: WebhookEvent[];
  description?: string | undefined;
  secret?: string | undefined;
  status?: 'ACTIVE' | 'DISABLED' | undefined;
}

/** Creates a webhook; the secret is sent to MLflow and never returned. */
export async function createWebhook(
  mlflow: MlflowContext,
  params: CreateWebhookParams,
  options: CallOptions = {},
): Promise<Webhook> {
  const response = await withWebhookHints(
    mlflow.http.request({
      method: 'POST',
      path: API,
      body: {
        name: params.name,
        url: params.url,
        events: params.events.map(webhookEventToProto),
        description: params.description || undefined,
        secret: params.secret || undefined,
        status: params.status,
      },
      signal: options.signal,
      schema: WebhookResponseSchema,
      operation: 'create webhook',
    }),
  );
  return mapWebhook(response.webhook);
}

export interface UpdateWebhookParams {
  name?: string | undefined;
  url?: string | undefined;
  events?: WebhookEvent[] | undefined;
  /** "" clears the description. */
  description?: string | undefined;
  secret?: string | undefined;
  status?: 'ACTIVE' | 'DISABLED' | undefined;
}

/** Changes the given fields of a webhook; fields left undefined keep their value. */
export async function updateWebhook(
  mlflow: MlflowContext,
  webhookId: string,
  params: UpdateWebhookParams,
  options: CallOptions = {},
): Promise<Webhook> {
  const response = await withWebhookHints(
    mlflow.http.request({
      method: 'PATCH',
      path: `${API}/${encodeURIComponent(webhookId)}`,
      body: {
        name: params.name,
        url: params.url,
        events: params.events?.map(webhookEventToProto),
        description: params.description,
        secret: params.secret,
        status: params.status,
      },
      signal: options.signal,
      schema: WebhookResponseSchema,
      operation: 'update webhook',
    }),
  );
  return mapWebhook(response.webhook);
}

/** Deletes a webhook (MLflow soft-deletes it; it no longer appears or delivers). */
export async function deleteWebhook(
  mlflow: MlflowContext,
  webhookId: string,
  options: CallOptions = {},
): Promise<void> {
  await withWebhookHints(
    mlflow.http.request({
      method: 'DELETE',
      path: `${API}/${encodeURIComponent(webhookId)}`,
      signal: options.signal,
      schema: EmptyResponseSchema,
      operation: 'delete webhook',
    }),
  );
}

export interface WebhookTestResult {
  success: boolean;
  responseStatus?: number | undefined;
  responseBody?: string | undefined;
  error?: string | undefined;
}

/**
 * Has MLflow POST an example payload for `event` (default: the webhook's first event) to the
 * webhook's URL, signed with its secret, and reports what the target answered.
 */
export async function testWebhook(
  mlflow: MlflowContext,
  webhookId: string,
  event: WebhookEvent | undefined,
  options: CallOptions = {},
): Promise<WebhookTestResult> {
  const response = await withWebhookHints(
    mlflow.http.request({
      method: 'POST',
      path: `${API}/${encodeURIComponent(webhookId)}/test`,
      body: event ? { event: webhookEventToProto(event) } : {},
      signal: options.signal,
      schema: TestWebhookResponseSchema,
      operation: 'test webhook',
    }),
  );
  const { result } = response;
  return {
    success: result.success,
    responseStatus: result.response_status,
    responseBody: result.response_body,
    error: result.error_message,
  };
}

/** Validates a webhook id before it goes into a URL path. */
export function parseWebhookId(value: string, field = 'webhookId'): string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(trimmed)) {
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a valid webhook id.`, {
      field,
      hint: NOT_FOUND_HINT,
    });
  }
  return trimmed;
}

/** Re-raises MLflow's errors with advice about webhooks instead of the run-centred default. */
function withWebhookHints<T>(call: Promise<T>): Promise<T> {
  return withHints(call, (error) => {
    const [field, hint] = invalidInputAdvice(error.message);
    return { not_found: NOT_FOUND_HINT, invalid_input: { hint, field } };
  });
}

/** Which input an MLflow webhook validation message is about, and what to do. */
function invalidInputAdvice(message: string): [field: string | undefined, hint: string] {
  if (/webhook name/i.test(message)) return ['name', NAME_HINT];
  if (URL_REFUSAL.test(message)) return ['url', URL_HINT];
  if (/event|action|entity/i.test(message)) {
    return ['events', 'Pick events from the listed "<entity>.<action>" values.'];
  }
  return [undefined, 'Fix the input named in the message.'];
}
