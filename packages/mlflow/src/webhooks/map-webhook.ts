import { setTimestamps } from '../shared/timestamps.js';
import type { Webhook, WebhookEvent } from './webhook-model.js';
import type { MlflowWebhook } from './webhooks-api-types.js';

/** Maps an MLflow webhook to its compact form: events as "<entity>.<action>", ISO times. */
export function mapWebhook(raw: MlflowWebhook): Webhook {
  const out: Webhook = {
    id: raw.webhook_id,
    name: raw.name,
    url: raw.url,
    events: raw.events.map((event) => `${event.entity}.${event.action}`.toLowerCase()),
    status: raw.status,
  };
  if (raw.description) out.description = raw.description;
  setTimestamps(out, raw.creation_timestamp, raw.last_updated_timestamp);
  return out;
}

/** "model_version.created" → the proto's `{ entity: 'MODEL_VERSION', action: 'CREATED' }`. */
export function webhookEventToProto(event: WebhookEvent): { entity: string; action: string } {
  const [entity = '', action = ''] = event.toUpperCase().split('.');
  return { entity, action };
}
