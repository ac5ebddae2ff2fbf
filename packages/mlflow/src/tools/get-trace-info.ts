import { z } from 'zod';
import { getTraceInfo } from '../api/traces.js';
import { mapTraceInfo } from '../map-trace.js';
import { parseTraceId } from '../trace-id.js';
import { TraceSummarySchema } from '../trace-model.js';
import { includeSystemTagsInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';
import { previewCharsInput, traceIdInput } from './trace-inputs.js';

/** mlflow_get_trace_info: one trace's metadata, tags, previews and assessments, without spans. */
export const getTraceInfoTool = defineMlflowTool({
  name: 'mlflow_get_trace_info',
  title: 'Get MLflow trace info',
  description:
    'Get one MLflow trace without its spans: status, timing, tags, metadata, linked run, token ' +
    'usage, request/response previews, and every assessment (feedback with values and rationales, ' +
    'expectations) with its id. Cheaper than mlflow_get_trace. The trace id comes from ' +
    'mlflow_search_traces.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    traceId: traceIdInput,
    previewChars: previewCharsInput(2000),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: TraceSummarySchema,
  async handler(input, { client, signal }) {
    const raw = await getTraceInfo(client, parseTraceId(input.traceId), { signal });
    return mapTraceInfo(raw, {
      baseUrl: client.baseUrl,
      includeSystemTags: input.includeSystemTags,
      previewChars: input.previewChars,
      includeAssessments: true,
    });
  },
});
