import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapTraceDetail } from './map-trace-detail.js';
import { parseTraceId } from './trace-id.js';
import { traceIdInput } from './trace-inputs.js';
import { TraceDetailSchema } from './trace-model.js';
import { getTraceWithSpans } from './traces-api.js';

/** mlflow_get_trace: a whole trace with its span tree, inputs/outputs and errors. */
export const getTraceTool = defineMlflowTool({
  name: 'mlflow_get_trace',
  title: 'Get an MLflow trace with spans',
  description:
    'One MLflow trace in full: span tree with inputs, outputs, attributes, assessments, and the failing exception on top.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    traceId: traceIdInput,
    maxFieldChars: z
      .number()
      .int()
      .min(100)
      .max(100_000)
      .default(2000)
      .describe('Longest JSON text kept per span input, output or attribute.'),
    spanOffset: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe('nextSpanOffset of a previous call.'),
    spanLimit: z.number().int().min(1).max(1000).default(200),
    includeAttributes: z.boolean().default(true),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: TraceDetailSchema,
  async handler(input, { client, signal, maxResponseTokens }) {
    const trace = await getTraceWithSpans(client, parseTraceId(input.traceId), { signal });
    return mapTraceDetail(trace, {
      baseUrl: client.baseUrl,
      includeSystemTags: input.includeSystemTags,
      includeAttributes: input.includeAttributes,
      maxFieldChars: input.maxFieldChars,
      spanOffset: input.spanOffset,
      spanLimit: input.spanLimit,
      maxTokens: maxResponseTokens,
    });
  },
});
