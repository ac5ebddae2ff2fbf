import { isoFromMillis, type MetricValue, makeRef, type Run } from '@mlops-mcp/core';
import type { MlflowRun } from '../shared/api-types.js';
import { keyValuesToMap } from '../shared/key-values.js';
import { mapRunStatus } from './map-run-status.js';

/** Maps an MLflow run to the neutral Run. Metrics hold each key's latest value. */
export function mapRun(
  raw: MlflowRun,
  options: { baseUrl: string; includeSystemTags: boolean },
): Run {
  const { info, data } = raw;
  const run: Run = {
    ref: makeRef('mlflow', 'run', info.run_id, {
      url: `${options.baseUrl}/#/experiments/${info.experiment_id}/runs/${info.run_id}`,
    }),
    id: info.run_id,
    experimentId: info.experiment_id,
    status: mapRunStatus(info.status),
    rawStatus: info.status,
  };
  if (info.run_name) run.name = info.run_name;
  const startedAt = isoFromMillis(info.start_time);
  if (startedAt) run.startedAt = startedAt;
  const endedAt = isoFromMillis(info.end_time);
  if (endedAt) run.endedAt = endedAt;
  if (info.start_time && info.end_time) run.durationMs = info.end_time - info.start_time;
  if (info.user_id) run.user = info.user_id;
  const parent = data.tags?.find((tag) => tag.key === 'mlflow.parentRunId')?.value;
  if (parent) run.parentRunId = parent;
  if (info.lifecycle_stage === 'deleted') run.lifecycle = 'deleted';
  if (info.artifact_uri) run.artifactUri = info.artifact_uri;
  run.params = keyValuesToMap(data.params);
  run.metrics = Object.fromEntries(data.metrics.map((m) => [m.key, m.value as MetricValue]));
  run.tags = keyValuesToMap(data.tags, options.includeSystemTags);
  return run;
}
