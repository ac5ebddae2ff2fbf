import { type Flow, makeRef } from '@mlops-mcp/core';
import type { PrefectFlow } from '../shared/prefect-api-types.js';

/** Maps a Prefect flow to the neutral Flow. */
export function mapFlow(raw: PrefectFlow, uiBase: string): Flow {
  const flow: Flow = {
    ref: makeRef('prefect', 'flow', raw.id, { url: `${uiBase}/flows/flow/${raw.id}` }),
    id: raw.id,
    name: raw.name,
  };
  if (raw.created) flow.createdAt = raw.created;
  if (raw.tags.length) flow.tags = raw.tags;
  return flow;
}
