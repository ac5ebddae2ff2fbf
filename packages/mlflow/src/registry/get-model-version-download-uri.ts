import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { getModelVersionDownloadUri } from './model-versions-api.js';
import { modelNameInput, versionInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

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
    const { name, version } = parseVersionRef(input);
    const artifactUri = await getModelVersionDownloadUri(client, name, version, { signal });
    return { name, version, artifactUri };
  },
});
