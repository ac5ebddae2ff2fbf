import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, includeSystemTagsInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  experimentsToSearch,
  searchedExperimentIdsInput,
  searchedExperimentIdsOutput,
} from '../shared/searched-experiments.js';
import { experimentIdInput } from './logged-model-inputs.js';
import { MlflowLoggedModelSchema } from './logged-model-schema.js';
import { searchLoggedModels } from './logged-models-api.js';

/** mlflow_search_logged_models: find MLflow 3 logged models by metric, param, tag or status. */
export const searchLoggedModelsTool = defineMlflowTool({
  name: 'mlflow_search_logged_models',
  title: 'Search MLflow logged models',
  description: `Find MLflow 3 logged models, e.g. filter "metrics.accuracy > 0.9" or "status = 'READY'" (AND only).`,
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: searchedExperimentIdsInput(experimentIdInput),
    filter: z.string().max(2000).optional(),
    orderBy: z
      .array(z.string().min(1).max(250))
      .max(5)
      .optional()
      .describe('e.g. "metrics.accuracy DESC"; default newest first.'),
    limit: limitInput(25, 500),
    cursor: cursorInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(MlflowLoggedModelSchema).extend({
    experimentIds: searchedExperimentIdsOutput,
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const experimentIds = await experimentsToSearch(client, input.experimentIds, { signal });
    if (experimentIds.length === 0) return { items: [], experimentIds };
    const page = await searchLoggedModels(
      client,
      { ...input, experimentIds },
      { signal, includeSystemTags: input.includeSystemTags },
    );
    return { ...fitPageToBudget(page, maxResponseTokens), experimentIds };
  },
});
