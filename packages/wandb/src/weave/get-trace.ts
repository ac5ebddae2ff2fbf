import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineWeaveTool } from './define-tool.js';
import { WeaveSpanSchema, WeaveTraceSchema } from './map-trace.js';
import { fetchTraceTree } from './trace-tree.js';
import { requireCallId } from './weave-ids.js';
import { entityInput, maxPayloadCharsInput, projectInput } from './weave-inputs.js';

/** wandb_get_trace: the whole call tree of one trace. */
export const getTraceTool = defineWeaveTool({
  name: 'wandb_get_trace',
  title: 'Get a W&B Weave trace tree',
  description:
    'One Weave trace as a call tree with latency, tokens, cost and errors first, by traceId or any callId.',
  namespace: 'wandb',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    traceId: z.string().min(1).max(128).optional(),
    callId: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('Any call of the trace, instead of traceId.'),
    includePayloads: z
      .boolean()
      .default(false)
      .describe('Add inputs and output (cut to maxPayloadChars).'),
    maxPayloadChars: maxPayloadCharsInput(1_000),
    maxSpans: z.number().int().min(1).max(2_000).default(300),
  }),
  outputSchema: z.object({
    project: z.string(),
    trace: WeaveTraceSchema,
    spans: z.array(WeaveSpanSchema),
    errors: z
      .array(z.object({ callId: z.string(), op: z.string(), error: z.string() }))
      .describe('Every failed call of the trace.'),
    truncated: z
      .boolean()
      .optional()
      .describe('True when spans were left out (maxSpans or the response budget).'),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const project = client.project(input);
    let traceId = input.traceId ? requireCallId(input.traceId, 'traceId') : undefined;
    if (!traceId) {
      if (!input.callId) {
        throw new InvalidInputError('Give a traceId or a callId.', {
          backend: 'wandb',
          field: 'traceId',
          hint: 'Trace ids come from wandb_search_traces (id); call ids from wandb_search_calls.',
        });
      }
      traceId = (await client.readCall(project, requireCallId(input.callId, 'callId'), { signal }))
        .trace_id;
    }
    const tree = await fetchTraceTree(client, project, traceId, {
      signal,
      maxSpans: input.maxSpans,
      maxResponseTokens: Math.max(1_000, maxResponseTokens - 1_000),
      map: input.includePayloads
        ? { include: ['inputs', 'output'], maxPayloadChars: input.maxPayloadChars }
        : {},
    });
    return { project: project.id, ...tree };
  },
});
