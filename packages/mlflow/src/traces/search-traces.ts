import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, includeSystemTagsInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  experimentsToSearch,
  searchedExperimentIdsInput,
  searchedExperimentIdsOutput,
} from '../shared/searched-experiments.js';
import { experimentIdInput, previewCharsInput } from './trace-inputs.js';
import { TraceSummarySchema } from './trace-model.js';
import { MLFLOW_MAX_TRACE_RESULTS, searchTraces } from './traces-api.js';

/** mlflow_search_traces: find GenAI traces by status, tags, time, feedback or span names. */
export const searchTracesTool = defineMlflowTool({
  name: 'mlflow_search_traces',
  title: 'Search MLflow traces',
  description: `Find MLflow GenAI traces, newest first, e.g. filter "trace.status = 'ERROR'" or "trace.execution_time_ms > 5000".`,
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: searchedExperimentIdsInput(experimentIdInput),
    filter: z.string().max(2000).optional().describe('Clauses joined with AND.'),
    orderBy: z
      .array(z.string().min(1).max(250))
      .max(10)
      .optional()
      .describe('e.g. "execution_time_ms DESC".'),
    limit: limitInput(20, MLFLOW_MAX_TRACE_RESULTS),
    cursor: cursorInput,
    includeAssessments: z.boolean().default(false),
    previewChars: previewCharsInput(300),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(TraceSummarySchema).extend({
    experimentIds: searchedExperimentIdsOutput,
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const experimentIds = await experimentsToSearch(client, input.experimentIds, { signal });
    if (experimentIds.length === 0) return { items: [], experimentIds };
    const page = await searchTraces(
      client,
      { ...input, experimentIds },
      {
        includeSystemTags: input.includeSystemTags,
        previewChars: input.previewChars,
        includeAssessments: input.includeAssessments,
      },
      { signal },
    );
    return { ...fitPageToBudget(page, maxResponseTokens), experimentIds };
  },
});
