import { makeRef } from '@mlops-mcp/core';
import { keyValuesToMap } from '../shared/key-values.js';
import { setTimestamps } from '../shared/timestamps.js';
import { mapModelVersion, type RegistryShapeOptions, registryUrl } from './map-model-version.js';
import type { MlflowRegisteredModel } from './registered-model-schema.js';
import type { MlflowRegisteredModelRaw } from './registry-api-types.js';
import { GET_DESCRIPTION_CHARS, setDescription } from './registry-text.js';

/** Maps an MLflow registered model: aliases become an alias → version map. */
export function mapRegisteredModel(
  raw: MlflowRegisteredModelRaw,
  options: RegistryShapeOptions,
): MlflowRegisteredModel {
  const aliases = Object.fromEntries(raw.aliases.map(({ alias, version }) => [alias, version]));
  const model: MlflowRegisteredModel = {
    ref: makeRef('mlflow', 'registered-model', raw.name, {
      url: registryUrl(options.baseUrl, raw.name),
    }),
    name: raw.name,
    aliases,
    latestVersions: raw.latest_versions.map((version) =>
      // latest_versions carry no aliases of their own; fill them from the model's alias map.
      mapModelVersion(
        {
          ...version,
          aliases: raw.aliases.filter((a) => a.version === version.version).map((a) => a.alias),
        },
        options,
      ),
    ),
  };
  setDescription(model, raw.description, options.maxDescriptionChars ?? GET_DESCRIPTION_CHARS);
  setTimestamps(model, raw.creation_timestamp, raw.last_updated_timestamp);
  if (raw.user_id) model.user = raw.user_id;
  const tags = keyValuesToMap(raw.tags, options.includeSystemTags);
  if (Object.keys(tags).length > 0) model.tags = tags;
  return model;
}
