import { z } from 'zod';
import { getLatestModelVersions, MODEL_VERSION_STAGES } from '../api/registry.js';
import { MlflowModelVersionSchema } from '../model-version-schema.js';
import { parseModelRef } from '../registry-refs.js';
import { includeSystemTagsInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';
import { modelNameInput } from './registry-inputs.js';

/** mlflow_get_latest_model_versions: newest version per legacy stage (deprecated concept). */
export const getLatestModelVersionsTool = defineMlflowTool({
  name: 'mlflow_get_latest_model_versions',
  title: 'Get the latest MLflow model version per stage',
  description:
    'Get the newest version of a registered model in each legacy stage (None, Staging, Production, ' +
    'Archived). Stages are deprecated since MLflow 2.9: prefer aliases (mlflow_get_model_version_by_alias, ' +
    'mlflow_get_registered_model) unless the registry still uses stages. Names come from ' +
    'mlflow_search_registered_models.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    name: modelNameInput,
    stages: z
      .array(z.enum(MODEL_VERSION_STAGES))
      .max(4)
      .optional()
      .describe('Stages to report; omit for every stage that has a version.'),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: z.object({ items: z.array(MlflowModelVersionSchema) }),
  async handler(input, { client, signal }) {
    const items = await getLatestModelVersions(
      client,
      parseModelRef(input.name).name,
      input.stages,
      {
        signal,
        includeSystemTags: input.includeSystemTags,
      },
    );
    return { items };
  },
});
