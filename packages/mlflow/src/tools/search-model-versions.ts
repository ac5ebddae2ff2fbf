import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { searchModelVersions } from '../api/registry.js';
import { MlflowModelVersionSchema } from '../model-version-schema.js';
import { cursorInput, includeSystemTagsInput, limitInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';

/** mlflow_search_model_versions: versions of one model, or every version made from a run. */
export const searchModelVersionsTool = defineMlflowTool({
  name: 'mlflow_search_model_versions',
  title: 'Search MLflow model versions',
  description:
    'List registered model versions: all versions of one model (filter "name = \'my-model\'"), the versions ' +
    'registered from a run ("run_id = \'<id>\'", run ids from mlflow_search_runs), or by tag ' +
    "(\"tags.validated = 'true'\"); AND only. Prompt versions are excluded. MLflow's search does not return " +
    'aliases: use mlflow_get_registered_model for the alias map.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    filter: z
      .string()
      .max(1000)
      .optional()
      .describe('Filter on name, version_number, run_id, source_path, tags.<key>; omit for all.'),
    orderBy: z
      .array(z.string().min(1).max(100))
      .max(5)
      .optional()
      .describe('Sort clauses, e.g. ["version_number DESC"] (default: newest first).'),
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
