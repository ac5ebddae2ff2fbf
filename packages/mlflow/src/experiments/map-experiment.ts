import { type Experiment, makeRef } from '@mlops-mcp/core';
import type { MlflowExperiment } from '../shared/api-types.js';
import { keyValuesToMap } from '../shared/key-values.js';
import { setTimestamps } from '../shared/timestamps.js';

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
  setTimestamps(experiment, raw.creation_time, raw.last_update_time);
  if (raw.artifact_location) experiment.artifactLocation = raw.artifact_location;
  const tags = keyValuesToMap(raw.tags, options.includeSystemTags);
  if (Object.keys(tags).length > 0) experiment.tags = tags;
  return experiment;
}
