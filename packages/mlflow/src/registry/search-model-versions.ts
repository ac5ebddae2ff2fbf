import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { cursorInput, includeSystemTagsInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { searchModelVersions } from './model-versions-api.js';

/** mlflow_search_model_versions: versions of one model, or every version made from a run. */
export const searchModelVersionsTool = defineMlflowTool({
  name: 'mlflow_search_model_versions',
  title: 'Search MLflow model versions',
  description: `Find model versions, e.g. filter "name = 'my-model'" or "run_id = '<id>'" (aliases: mlflow_get_registered_model).`,
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    filter: z.string().max(1000).optional(),
    orderBy: z
      .array(z.string().min(1).max(100))
      .max(5)
      .optional()
      .describe('Default: newest first.'),
    limit: limitInput(25, 1000),
    cursor: cursorInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(MlflowModelVersionSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const page = await searchModelVersions(client, input, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
    return fitPageToBudget(page, maxResponseTokens);
  },
});
