import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, includeSystemTagsInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { experimentIdInput } from '../traces/trace-inputs.js';
import { EvaluationDatasetSchema } from './evaluation-dataset-model.js';
import { searchEvaluationDatasets } from './evaluation-datasets-api.js';

/** mlflow_search_evaluation_datasets: find GenAI evaluation datasets by name, tags or experiment. */
export const searchEvaluationDatasetsTool = defineMlflowTool({
  name: 'mlflow_search_evaluation_datasets',
  title: 'Search MLflow evaluation datasets',
  description: `Find MLflow GenAI evaluation datasets, e.g. filter "name LIKE '%qa%'".`,
  namespace: 'mlflow',
  toolsets: ['evaluation'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: z.array(experimentIdInput).max(100).optional(),
    filter: z.string().max(2000).optional(),
    orderBy: z.array(z.string().min(1).max(250)).max(10).optional().describe('e.g. "name ASC".'),
    limit: limitInput(25, 1000),
    cursor: cursorInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(EvaluationDatasetSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await searchEvaluationDatasets(
      client,
      input,
      { includeSystemTags: input.includeSystemTags },
      { signal },
    );
    return fitPageToBudget(page, maxResponseTokens);
  },
});
