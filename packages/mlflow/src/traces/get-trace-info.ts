import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapTraceInfo } from './map-trace.js';
import { parseTraceId } from './trace-id.js';
import { previewCharsInput, traceIdInput } from './trace-inputs.js';
import { TraceSummarySchema } from './trace-model.js';
import { getTraceInfo } from './traces-api.js';

/** mlflow_get_trace_info: one trace's metadata, tags, previews and assessments, without spans. */
export const getTraceInfoTool = defineMlflowTool({
  name: 'mlflow_get_trace_info',
  title: 'Get MLflow trace info',
  description:
    'One MLflow trace without spans (status, timing, tags, run, tokens, previews, assessments); cheaper than mlflow_get_trace.',
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
