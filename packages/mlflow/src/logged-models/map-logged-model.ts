import { keyValuesToMap } from '../shared/key-values.js';
import { setTimestamps } from '../shared/timestamps.js';
import type { LoggedModelStatus, MlflowLoggedModel } from './logged-model-schema.js';
import type { MlflowLoggedModelMetric, MlflowLoggedModelRaw } from './logged-models-api-types.js';

const STATUS: Record<string, LoggedModelStatus> = {
  LOGGED_MODEL_PENDING: 'PENDING',
  LOGGED_MODEL_READY: 'READY',
  LOGGED_MODEL_UPLOAD_FAILED: 'FAILED',
};

/** LOGGED_MODEL_READY → READY; anything unknown → UNSPECIFIED. */
export function mapLoggedModelStatus(raw: string | undefined): LoggedModelStatus {
  return (raw && STATUS[raw]) || 'UNSPECIFIED';
}

const num = (value: number | string | undefined) =>
  value === undefined ? undefined : Number(value);

/** Keeps the latest value per (metric, dataset): by timestamp, then step. */
function latestMetrics(metrics: readonly MlflowLoggedModelMetric[]): MlflowLoggedModel['metrics'] {
  const latest = new Map<string, MlflowLoggedModelMetric>();
  for (const metric of metrics) {
    const id = `${metric.key}\u0000${metric.dataset_name ?? ''}`;
    const seen = latest.get(id);
    const newer =
      !seen ||
      (num(metric.timestamp) ?? 0) > (num(seen.timestamp) ?? 0) ||
      ((num(metric.timestamp) ?? 0) === (num(seen.timestamp) ?? 0) &&
        (num(metric.step) ?? 0) >= (num(seen.step) ?? 0));
    if (newer) latest.set(id, metric);
  }
  return [...latest.values()].map((metric) => {
    const out: NonNullable<MlflowLoggedModel['metrics']>[number] = {
      key: metric.key,
      value: metric.value,
    };
    const step = num(metric.step);
    if (step) out.step = step;
    if (metric.dataset_name) out.dataset = metric.dataset_name;
    if (metric.run_id) out.runId = metric.run_id;
    return out;
  });
}

/** Maps an MLflow 3 logged model; `mlflow.*` tags are dropped unless asked for. */
export function mapLoggedModel(
  raw: MlflowLoggedModelRaw,
  options: { baseUrl: string; includeSystemTags: boolean },
): MlflowLoggedModel {
  const { info, data } = raw;
  const model: MlflowLoggedModel = {
    id: info.model_id,
    experimentId: info.experiment_id,
    status: mapLoggedModelStatus(info.status),
    url: `${options.baseUrl}/#/experiments/${encodeURIComponent(info.experiment_id)}/models/${encodeURIComponent(info.model_id)}`,
  };
  if (info.name) model.name = info.name;
  if (info.status_message) model.statusMessage = info.status_message;
  if (info.model_type) model.modelType = info.model_type;
  if (info.source_run_id) model.sourceRunId = info.source_run_id;
  if (info.artifact_uri) model.artifactUri = info.artifact_uri;
  setTimestamps(model, info.creation_timestamp_ms, info.last_updated_timestamp_ms);
  const params = keyValuesToMap(data.params);
  if (Object.keys(params).length > 0) model.params = params;
  if (data.metrics.length > 0) model.metrics = latestMetrics(data.metrics);
  const tags = keyValuesToMap(info.tags, options.includeSystemTags);
  if (Object.keys(tags).length > 0) model.tags = tags;
  if (info.registrations.length > 0) model.registeredVersions = info.registrations;
  return model;
}
