import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseTraceId } from './trace-id.js';
import { experimentIdInput, traceIdInput } from './trace-inputs.js';
import { deleteTraces } from './trace-writes-api.js';

/** mlflow_delete_traces: permanently delete traces of one experiment, by id or by age. */
export const deleteTracesTool = defineMlflowTool({
  name: 'mlflow_delete_traces',
  title: 'Delete MLflow traces',
  description:
    'Permanently delete traces of one MLflow experiment: traceIds, or the oldest up to maxTraces before maxTimestampMs.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: true,
  // Deleting by age removes more traces on each call.
  idempotent: false,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    traceIds: z.array(traceIdInput).min(1).max(100).optional().describe('This or maxTimestampMs.'),
    maxTimestampMs: z.number().int().min(0).optional().describe('Epoch ms.'),
    maxTraces: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('Oldest first; default all.'),
  }),
  outputSchema: z.object({
    experimentId: z.string(),
    deleted: z.number().describe('Traces MLflow deleted.'),
    requested: z.number().optional().describe('How many trace ids were given.'),
    note: z.string().optional(),
  }),
  async handler(input, { client, signal }) {
    const { experimentId, traceIds, maxTimestampMs, maxTraces } = input;
    if (traceIds !== undefined && maxTimestampMs === undefined) {
      if (maxTraces !== undefined) {
        throw new InvalidInputError('maxTraces only applies with maxTimestampMs.', {
          field: 'maxTraces',
        });
      }
      const ids = traceIds.map((id, index) => parseTraceId(id, `traceIds.${index}`));
      const deleted = await deleteTraces(client, { experimentId, traceIds: ids }, { signal });
      if (deleted >= ids.length) return { experimentId, deleted, requested: ids.length };
      return {
        experimentId,
        deleted,
        requested: ids.length,
        note: `${ids.length - deleted} of the ids were not traces of experiment ${experimentId} (or were already deleted).`,
      };
    }
    if (maxTimestampMs !== undefined && traceIds === undefined) {
      const deleted = await deleteTraces(
        client,
        { experimentId, maxTimestampMillis: maxTimestampMs, maxTraces },
        { signal },
      );
      return { experimentId, deleted };
    }
    throw new InvalidInputError('Give exactly one of traceIds or maxTimestampMs.', {
      field: traceIds === undefined ? 'traceIds' : 'maxTimestampMs',
      hint: 'traceIds deletes those traces; maxTimestampMs (+ maxTraces) deletes the oldest ones.',
    });
  },
});
