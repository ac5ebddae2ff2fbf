import { makeRef, type TraceStatus } from '@mlops-mcp/core';
import type { CallItem } from './call-item.js';
import { costUsd, tokenUsage, usageModels } from './call-usage.js';
import { exceptionMessage } from './exception-message.js';
import { truncatePayload } from './truncate-payload.js';
import type { WireCall } from './weave-api-types.js';
import { shortOpName, type WeaveProject } from './weave-ids.js';
import { isoFromWeave, millisBetween } from './weave-time.js';

/** What to keep of a call beyond its compact summary. */
export interface MapCallOptions {
  /** Payload fields to include, each cut to `maxPayloadChars`. */
  include?: readonly ('inputs' | 'output' | 'attributes')[];
  maxPayloadChars?: number;
  /** Keep the full op ref (version digest) beside the short name. */
  withOpRef?: boolean;
}

/** Default cap for each included payload field, in characters of compact JSON. */
export const DEFAULT_PAYLOAD_CHARS = 2_000;

/** The neutral status of a call, and Weave's own word for it. */
export function callStatus(call: WireCall): { status: TraceStatus; rawStatus: string } {
  const derived = call.exception ? 'error' : call.ended_at ? 'success' : 'running';
  const rawStatus = call.summary?.weave?.status ?? derived;
  const status: TraceStatus = call.exception ? 'error' : call.ended_at ? 'ok' : 'running';
  return { status, rawStatus };
}

/** Maps a wire call to the compact item the tools return. */
export function mapCall(
  call: WireCall,
  project: WeaveProject,
  options: MapCallOptions = {},
): CallItem {
  const { status, rawStatus } = callStatus(call);
  const item: CallItem = {
    ref: makeRef('wandb', 'span', call.id, { scope: [project.entity, project.project] }),
    id: call.id,
    traceId: call.trace_id,
    op: shortOpName(call.op_name),
    status,
    rawStatus,
  };
  if (call.parent_id) item.parentId = call.parent_id;
  if (options.withOpRef) item.opRef = call.op_name;
  if (call.display_name) item.displayName = call.display_name;
  const startedAt = isoFromWeave(call.started_at);
  if (startedAt) item.startedAt = startedAt;
  const endedAt = isoFromWeave(call.ended_at);
  if (endedAt) item.endedAt = endedAt;
  const latency = call.summary?.weave?.latency_ms ?? millisBetween(call.started_at, call.ended_at);
  if (latency !== undefined && latency !== null) item.latencyMs = latency;
  const tokens = tokenUsage(call.summary);
  if (tokens) item.tokens = tokens;
  const cost = costUsd(call.summary);
  if (cost !== undefined) item.costUsd = cost;
  const models = usageModels(call.summary);
  if (models.length > 0) item.models = models;
  const error = exceptionMessage(call.exception);
  if (error) item.error = error;

  const maxChars = options.maxPayloadChars ?? DEFAULT_PAYLOAD_CHARS;
  const truncated: string[] = [];
  for (const key of options.include ?? []) {
    const raw = key === 'inputs' ? call.inputs : key === 'output' ? call.output : call.attributes;
    const cut = truncatePayload(raw ?? null, maxChars);
    if (cut.truncated) truncated.push(key);
    if (key === 'attributes') {
      item.attributes = cut.truncated
        ? { preview: cut.value }
        : ((raw as Record<string, unknown> | null | undefined) ?? {});
    } else item[key] = cut.value;
  }
  if (truncated.length > 0) item.truncated = truncated;
  return item;
}
