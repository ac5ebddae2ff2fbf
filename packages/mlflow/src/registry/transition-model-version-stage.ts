import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { MODEL_VERSION_STAGES, transitionModelVersionStage } from './model-version-writes-api.js';
import { modelNameInput, versionInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_transition_model_version_stage: move a version to a legacy stage. */
export const transitionModelVersionStageTool = defineMlflowTool({
  name: 'mlflow_transition_model_version_stage',
  title: 'Move an MLflow model version to a stage (deprecated)',
  description:
    'Move a model version to a legacy stage (deprecated since MLflow 2.9; prefer aliases).',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    name: modelNameInput,
    version: versionInput,
    stage: z.enum(MODEL_VERSION_STAGES),
    archiveExistingVersions: z
      .boolean()
      .default(false)
      .describe('Archive the versions now in that stage.'),
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    const { stage, archiveExistingVersions } = input;
    const transition = { ...parseVersionRef(input), stage, archiveExistingVersions };
    return transitionModelVersionStage(client, transition, { signal });
  },
});
