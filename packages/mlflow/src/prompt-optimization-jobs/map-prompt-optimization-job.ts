import { isoFromMillis, truncateText } from '@mlops-mcp/core';
import type { PromptOptimizationJob } from './prompt-optimization-job-model.js';
import type { MlflowPromptOptimizationJob } from './prompt-optimization-jobs-api-types.js';

const MAX_ERROR_CHARS = 2000;

/** Maps an MLflow prompt optimization job: enum prefixes dropped, config JSON parsed. */
export function mapPromptOptimizationJob(raw: MlflowPromptOptimizationJob): PromptOptimizationJob {
  const out: PromptOptimizationJob = {
    id: raw.job_id,
    status: raw.state.status.replace(/^JOB_STATUS_/, ''),
  };
  if (raw.experiment_id) out.experimentId = raw.experiment_id;
  if (raw.run_id) out.runId = raw.run_id;
  if (raw.source_prompt_uri) out.sourcePromptUri = raw.source_prompt_uri;
  if (raw.optimized_prompt_uri) out.optimizedPromptUri = raw.optimized_prompt_uri;
  const config = raw.config;
  if (config?.optimizer_type) out.optimizer = config.optimizer_type.replace(/^OPTIMIZER_TYPE_/, '');
  if (config?.dataset_id) out.datasetId = config.dataset_id;
  if (config?.scorers.length) out.scorers = config.scorers;
  if (config?.optimizer_config_json) {
    try {
      out.optimizerConfig = JSON.parse(config.optimizer_config_json) as unknown;
    } catch {
      out.optimizerConfig = config.optimizer_config_json;
    }
  }
  const createdAt = isoFromMillis(raw.creation_timestamp_ms);
  if (createdAt) out.createdAt = createdAt;
  const completedAt = isoFromMillis(raw.completion_timestamp_ms);
  if (completedAt) out.completedAt = completedAt;
  if (raw.state.error_message) {
    out.error = truncateText(raw.state.error_message, MAX_ERROR_CHARS).text;
  }
  if (raw.state.status_message) out.statusMessage = raw.state.status_message;
  const progress = raw.state.metadata?.progress;
  if (progress) out.progress = progress;
  if (raw.initial_eval_scores && Object.keys(raw.initial_eval_scores).length > 0) {
    out.initialScores = raw.initial_eval_scores;
  }
  if (raw.final_eval_scores && Object.keys(raw.final_eval_scores).length > 0) {
    out.finalScores = raw.final_eval_scores;
  }
  if (raw.tags.length > 0) {
    out.tags = Object.fromEntries(raw.tags.map((tag) => [tag.key, tag.value]));
  }
  return out;
}
