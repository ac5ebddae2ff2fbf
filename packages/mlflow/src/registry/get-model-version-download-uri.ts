import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { getModelVersionDownloadUri } from './model-versions-api.js';
import { modelNameInput, versionInput } from './registry-inputs.js';
import { parseModelRef, resolveVersion } from './registry-refs.js';

/** mlflow_get_model_version_download_uri: where a version's model files are stored. */
export const getModelVersionDownloadUriTool = defineMlflowTool({
  name: 'mlflow_get_model_version_download_uri',
  title: 'Get the download URI of an MLflow model version',
  description: "Storage URI of a model version's files (runs:/…, s3://…).",
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'read',
  inputSchema: z.object({ name: modelNameInput, version: versionInput }),
  outputSchema: z.object({ name: z.string(), version: z.string(), artifactUri: z.string() }),
  async handler(input, { client, signal }) {
    const parts = parseModelRef(input.name);
    const version = resolveVersion(parts, input.version);
    const artifactUri = await getModelVersionDownloadUri(client, parts.name, version, { signal });
    return { name: parts.name, version, artifactUri };
  },
});
