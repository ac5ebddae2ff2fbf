import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { MODEL_VERSION_STAGES } from './model-version-writes-api.js';
import { getLatestModelVersions } from './model-versions-api.js';
import { modelNameInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_get_latest_model_versions: newest version per legacy stage (deprecated concept). */
export const getLatestModelVersionsTool = defineMlflowTool({
  name: 'mlflow_get_latest_model_versions',
  title: 'Get the latest MLflow model version per stage',
  description:
    'Newest version of a registered model per legacy stage (stages are deprecated; prefer aliases).',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    name: modelNameInput,
    stages: z.array(z.enum(MODEL_VERSION_STAGES)).max(4).optional(),
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
