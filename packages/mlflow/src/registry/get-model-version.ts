import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { getModelVersion } from './model-versions-api.js';
import { versionInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_get_model_version: one version with its source, run, aliases and tags. */
export const getModelVersionTool = defineMlflowTool({
  name: 'mlflow_get_model_version',
  title: 'Get an MLflow model version',
  description:
    'Get one registered model version: status, source, run or logged model, aliases, stage, tags.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    name: z
      .string()
      .min(1)
      .max(500)
      .describe('Model name, or a model version ref.uri (then no version).'),
    version: versionInput.optional(),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    const { name, version } = parseVersionRef(input);
    return getModelVersion(client, name, version, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});
