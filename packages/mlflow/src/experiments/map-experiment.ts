import { type Experiment, isoFromMillis, makeRef } from '@mlops-mcp/core';
import type { MlflowExperiment } from '../shared/api-types.js';
import { keyValuesToMap } from '../shared/key-values.js';

/** Maps an MLflow experiment to the neutral Experiment. */
export function mapExperiment(
  raw: MlflowExperiment,
  options: { baseUrl: string; includeSystemTags: boolean },
): Experiment {
  const experiment: Experiment = {
    ref: makeRef('mlflow', 'experiment', raw.experiment_id, {
      url: `${options.baseUrl}/#/experiments/${raw.experiment_id}`,
    }),
    id: raw.experiment_id,
    name: raw.name,
    lifecycle: raw.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
  };
  const createdAt = isoFromMillis(raw.creation_time);
  if (createdAt) experiment.createdAt = createdAt;
  const updatedAt = isoFromMillis(raw.last_update_time);
  if (updatedAt) experiment.updatedAt = updatedAt;
  if (raw.artifact_location) experiment.artifactLocation = raw.artifact_location;
  const tags = keyValuesToMap(raw.tags, options.includeSystemTags);
  if (Object.keys(tags).length > 0) experiment.tags = tags;
  return experiment;
}
