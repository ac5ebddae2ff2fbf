import { z } from 'zod';
import type { CallFilters } from './call-search.js';
import { parseTimeBound } from './time-bound.js';
import type { WeaveClient } from './weave-client.js';
import {
  callIdsInput,
  entityInput,
  opNamesInput,
  parentIdsInput,
  projectInput,
  queryInput,
  startedAfterInput,
  startedBeforeInput,
  statusInput,
  traceIdsInput,
} from './weave-inputs.js';

/** The filter fields every call-searching tool takes (spread into its input schema). */
export const callFilterInputs = {
  entity: entityInput,
  project: projectInput,
  opNames: opNamesInput,
  status: statusInput,
  startedAfter: startedAfterInput,
  startedBefore: startedBeforeInput,
  query: queryInput,
};

const CallFilterInputSchema = z.object({
  ...callFilterInputs,
  traceIds: traceIdsInput,
  parentIds: parentIdsInput,
  callIds: callIdsInput,
  rootsOnly: z.boolean().optional(),
});

/** The parsed values of `callFilterInputs` plus the id filters some tools add. */
export type CallFilterInput = z.infer<typeof CallFilterInputSchema>;

/** Turns a tool's filter inputs into CallFilters (project resolved, times parsed). */
export function callFilters(client: WeaveClient, input: CallFilterInput): CallFilters {
  const now = Date.now();
  return {
    project: client.project({ entity: input.entity, project: input.project }),
    opNames: input.opNames,
    traceIds: input.traceIds,
    parentIds: input.parentIds,
    callIds: input.callIds,
    rootsOnly: input.rootsOnly,
    status: input.status,
    startedAfter: input.startedAfter
      ? parseTimeBound(input.startedAfter, 'startedAfter', now)
      : undefined,
    startedBefore: input.startedBefore
      ? parseTimeBound(input.startedBefore, 'startedBefore', now)
      : undefined,
    query: input.query,
  };
}
