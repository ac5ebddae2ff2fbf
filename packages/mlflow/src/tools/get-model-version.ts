import { z } from 'zod';
import { getModelVersion } from '../api/registry.js';
import { MlflowModelVersionSchema } from '../model-version-schema.js';
import { parseModelRef, resolveVersion } from '../registry-refs.js';
import { includeSystemTagsInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';
import { versionInput } from './registry-inputs.js';

/** mlflow_get_model_version: one version with its source, run, aliases and tags. */
export const getModelVersionTool = defineMlflowTool({
  name: 'mlflow_get_model_version',
  title: 'Get an MLflow model version',
  description:
    'Get one registered model version: status, source URI, the run (or logged model) it came from, its ' +
    'aliases, legacy stage and tags. Versions come from mlflow_search_model_versions or ' +
    'mlflow_get_registered_model; pass a model-version ref.uri as name to skip version. To resolve an alias ' +
    'such as "champion" use mlflow_get_model_version_by_alias.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({
    name: z
      .string()
      .min(1)
      .max(500)
      .describe('Registered model name, or a model version ref.uri (then version may be omitted).'),
    version: versionInput.optional(),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    const parts = parseModelRef(input.name);
    return getModelVersion(client, parts.name, resolveVersion(parts, input.version), {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});
