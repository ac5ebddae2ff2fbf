import { z } from 'zod';
import { MODEL_VERSION_STAGES, transitionModelVersionStage } from '../api/registry.js';
import { MlflowModelVersionSchema } from '../model-version-schema.js';
import { parseModelRef, resolveVersion } from '../registry-refs.js';
import { defineMlflowTool } from './define.js';
import { modelNameInput, versionInput } from './registry-inputs.js';

/** mlflow_transition_model_version_stage: move a version to a legacy stage. */
export const transitionModelVersionStageTool = defineMlflowTool({
  name: 'mlflow_transition_model_version_stage',
  title: 'Move an MLflow model version to a stage (deprecated)',
  description:
    'Move a model version to a legacy stage: None, Staging, Production or Archived. Stages are deprecated ' +
    'since MLflow 2.9; prefer aliases (mlflow_set_registered_model_alias) unless the registry still uses ' +
    'stages. archiveExistingVersions moves the versions already in that stage to Archived. Versions come ' +
    'from mlflow_search_model_versions.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    name: modelNameInput,
    version: versionInput,
    stage: z.enum(MODEL_VERSION_STAGES).describe('Target stage.'),
    archiveExistingVersions: z
      .boolean()
      .default(false)
      .describe('Archive the versions currently in the target stage (Staging/Production only).'),
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    const parts = parseModelRef(input.name);
    return transitionModelVersionStage(
      client,
      {
        name: parts.name,
        version: resolveVersion(parts, input.version),
        stage: input.stage,
        archiveExistingVersions: input.archiveExistingVersions,
      },
      { signal },
    );
  },
});
