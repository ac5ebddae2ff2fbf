import { toCompactJson, truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import type { PrefectEvent } from '../shared/prefect-api-types.js';

/** Longest payload kept per event, as compact JSON. */
const MAX_PAYLOAD_CHARS = 2_000;

/** One event from Prefect's event stream. */
export const PrefectEventViewSchema = z.object({
  id: z.string(),
  occurred: z.string(),
  event: z.string(),
  resourceId: z.string().optional(),
  resource: z
    .record(z.string(), z.string())
    .describe(
      'Labels of the resource, e.g. prefect.resource.name, prefect.state-name; its id is resourceId',
    ),
  related: z.array(z.record(z.string(), z.string())).optional(),
  payload: z
    .unknown()
    .optional()
    .describe('The payload, or its JSON cut to 2000 characters when larger'),
  payloadTruncated: z.boolean().optional(),
});
export type PrefectEventView = z.infer<typeof PrefectEventViewSchema>;

/**
 * An event as a listing shows it: the payload's JSON cut to `maxPayloadChars` (0 leaves it out),
 * the related resources only when asked for, and the resource's id once (as `resourceId`). Events are listed by the page, and a flow-run
 * state change carries its whole state and an automation event its whole definition.
 */
export function briefEvent(
  view: PrefectEventView,
  options: { maxPayloadChars: number; includeRelated: boolean },
): PrefectEventView {
  const { payload, payloadTruncated, related, resource, ...rest } = view;
  // resourceId already carries the resource's id label.
  const { 'prefect.resource.id': _id, ...labels } = resource;
  const brief: PrefectEventView = { ...rest, resource: labels };
  if (options.includeRelated && related) brief.related = related;
  if (payload === undefined || options.maxPayloadChars === 0) return brief;
  const json = typeof payload === 'string' ? payload : toCompactJson(payload);
  if (json.length <= options.maxPayloadChars) {
    brief.payload = payload;
    if (payloadTruncated) brief.payloadTruncated = true;
  } else {
    brief.payload = truncateText(json, options.maxPayloadChars).text;
    brief.payloadTruncated = true;
  }
  return brief;
}

/** Maps one event, cutting a large payload. */
export function mapEvent(raw: PrefectEvent): PrefectEventView {
  const view: PrefectEventView = {
    id: raw.id,
    occurred: raw.occurred,
    event: raw.event,
    resource: raw.resource,
  };
  const resourceId = raw.resource['prefect.resource.id'];
  if (resourceId) view.resourceId = resourceId;
  if (raw.related.length) view.related = raw.related;
  if (raw.payload && Object.keys(raw.payload).length) {
    const json = toCompactJson(raw.payload);
    if (json.length > MAX_PAYLOAD_CHARS) {
      view.payload = truncateText(json, MAX_PAYLOAD_CHARS).text;
      view.payloadTruncated = true;
    } else {
      view.payload = raw.payload;
    }
  }
  return view;
}
