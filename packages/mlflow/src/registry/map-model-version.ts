import { isoFromMillis, makeRef } from '@mlops-mcp/core';
import { keyValuesToMap } from '../shared/key-values.js';
import type { MlflowModelVersion } from './model-version-schema.js';
import type { MlflowModelVersionRaw } from './registry-api-types.js';
import { GET_DESCRIPTION_CHARS, setDescription } from './registry-text.js';

/** How registry entities are shaped for output. */
export interface RegistryShapeOptions {
  baseUrl: string;
  includeSystemTags: boolean;
  /** Cut descriptions to this many characters (default: GET_DESCRIPTION_CHARS). */
  maxDescriptionChars?: number | undefined;
}

/** The id of a model version ref: `<model name>/<version>` (model names cannot contain '/'). */
export function modelVersionRefId(name: string, version: string): string {
  return `${name}/${version}`;
}

/** The MLflow UI page of a registered model, or of one of its versions. */
export function registryUrl(baseUrl: string, name: string, version?: string): string {
  const model = `${baseUrl}/#/models/${encodeURIComponent(name)}`;
  return version === undefined ? model : `${model}/versions/${encodeURIComponent(version)}`;
}

/**
 * Maps an MLflow model version to the neutral ModelVersion (plus MLflow extras). The legacy
 * stage is kept only when set ("None" means unset); empty alias lists are left out because
 * model-versions/search never fills them.
 */
export function mapModelVersion(
  raw: MlflowModelVersionRaw,
  options: RegistryShapeOptions,
): MlflowModelVersion {
  const version: MlflowModelVersion = {
    ref: makeRef('mlflow', 'model-version', modelVersionRefId(raw.name, raw.version), {
      url: registryUrl(options.baseUrl, raw.name, raw.version),
    }),
    modelName: raw.name,
    version: raw.version,
  };
  if (raw.aliases.length > 0) version.aliases = raw.aliases;
  if (raw.current_stage && raw.current_stage !== 'None') version.stage = raw.current_stage;
  if (raw.status) version.status = raw.status;
  if (raw.status_message) version.statusMessage = raw.status_message;
  if (raw.source) version.source = raw.source;
  if (raw.run_id) version.runId = raw.run_id;
  if (raw.model_id) version.modelId = raw.model_id;
  const createdAt = isoFromMillis(raw.creation_timestamp);
  if (createdAt) version.createdAt = createdAt;
  const updatedAt = isoFromMillis(raw.last_updated_timestamp);
  if (updatedAt && updatedAt !== createdAt) version.updatedAt = updatedAt;
  if (raw.user_id) version.user = raw.user_id;
  const tags = keyValuesToMap(raw.tags, options.includeSystemTags);
  if (Object.keys(tags).length > 0) version.tags = tags;
  setDescription(version, raw.description, options.maxDescriptionChars ?? GET_DESCRIPTION_CHARS);
  return version;
}
