import { z } from 'zod';

/**
 * zod schemas of MLflow's webhook messages (webhooks.proto) as the server renders them to JSON:
 * enums by name, int64 timestamps as numbers or strings, empty fields omitted. The proto has no
 * secret field, and these schemas strip unknown keys, so a secret can never come through here.
 */

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

export const MlflowWebhookEventSchema = z.object({
  entity: z.string().optional().default('ENTITY_UNSPECIFIED'),
  action: z.string().optional().default('ACTION_UNSPECIFIED'),
});

export const MlflowWebhookSchema = z.object({
  webhook_id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  url: z.string(),
  events: z.array(MlflowWebhookEventSchema).optional().default([]),
  status: z.string().optional().default('ACTIVE'),
  creation_timestamp: Int64.optional(),
  last_updated_timestamp: Int64.optional(),
});
export type MlflowWebhook = z.infer<typeof MlflowWebhookSchema>;

export const WebhookResponseSchema = z.object({ webhook: MlflowWebhookSchema });

export const ListWebhooksResponseSchema = z.object({
  webhooks: z.array(MlflowWebhookSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const TestWebhookResponseSchema = z.object({
  result: z.object({
    success: z.boolean().optional().default(false),
    response_status: z.number().optional(),
    response_body: z.string().optional(),
    error_message: z.string().optional(),
  }),
});
