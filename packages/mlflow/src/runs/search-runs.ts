import { fitPageToBudget, pageSchema, projectFields, RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import {
  cursorInput,
  includeSystemTagsInput,
  limitInput,
  orderByInput,
} from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  experimentsToSearch,
  searchedExperimentIdsInput,
  searchedExperimentIdsOutput,
} from '../shared/searched-experiments.js';

/** mlflow_search_runs: filter, sort and page runs across one or many experiments. */
export const searchRunsTool = defineMlflowTool({
  name: 'mlflow_search_runs',
  title: 'Search MLflow runs',
  description: `Find MLflow runs, e.g. filter "metrics.val_loss < 0.3 and params.lr = '0.001'" or "attributes.status = 'FAILED'".`,
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: searchedExperimentIdsInput(z.string().min(1).max(64)),
    filter: z.string().max(2000).optional(),
    orderBy: orderByInput,
    limit: limitInput(25, 1000),
    cursor: cursorInput,
    fields: z
      .array(z.string().min(1).max(250))
      .max(50)
      .optional()
      .describe('e.g. ["name","metrics.val_loss","params.lr"].'),
    includeDeleted: z.boolean().default(false),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(RunSchema.partial()).extend({
    experimentIds: searchedExperimentIdsOutput,
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const experimentIds = await experimentsToSearch(client, input.experimentIds, { signal });
    if (experimentIds.length === 0) return { items: [], experimentIds };
    const page = await client.searchRuns(
      { ...input, experimentIds },
      { signal, includeSystemTags: input.includeSystemTags },
    );
    const fields = input.fields;
    const projected = fields?.length
      ? { ...page, items: page.items.map((run) => projectFields(run, ['ref', 'id', ...fields])) }
      : page;
    return { ...fitPageToBudget(projected, maxResponseTokens), experimentIds };
  },
});
