import type { MetricValue, Run } from '@mlops-mcp/core';
import type { WandbRun } from './wandb-run.js';

/**
 * The neutral Run of a W&B run, for cross-backend tools: config flattened into string params
 * (`lora.r`), numeric summary values as metrics, tags as `{tag: ""}` plus `wandb.group` and
 * `wandb.job_type`. The experiment id is "<entity>/<project>".
 */
export function toNeutralRun(run: WandbRun): Run {
  const neutral: Run = {
    ref: run.ref,
    id: `${run.entity}/${run.project}/${run.id}`,
    experimentId: `${run.entity}/${run.project}`,
    status: run.status,
    rawStatus: run.rawStatus,
  };
  if (run.name) neutral.name = run.name;
  if (run.createdAt) neutral.startedAt = run.createdAt;
  if (run.heartbeatAt && run.status !== 'running') neutral.endedAt = run.heartbeatAt;
  if (run.durationMs !== undefined) neutral.durationMs = run.durationMs;
  if (run.user) neutral.user = run.user;
  if (run.config) neutral.params = flattenToStrings(run.config);
  if (run.summary) {
    const metrics: Record<string, MetricValue> = {};
    for (const [key, value] of Object.entries(run.summary)) {
      if (typeof value === 'number') metrics[key] = value;
      else if (value === 'NaN' || value === 'Infinity' || value === '-Infinity')
        metrics[key] = value;
    }
    neutral.metrics = metrics;
  }
  const tags: Record<string, string> = Object.fromEntries(run.tags.map((tag) => [tag, '']));
  if (run.group) tags['wandb.group'] = run.group;
  if (run.jobType) tags['wandb.job_type'] = run.jobType;
  if (run.sweep) tags['wandb.sweep'] = run.sweep;
  neutral.tags = tags;
  return neutral;
}

/** Flattens nested config into dotted keys with string values. */
export function flattenToStrings(
  value: Record<string, unknown>,
  prefix = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      Object.assign(out, flattenToStrings(inner as Record<string, unknown>, path));
    } else {
      out[path] = typeof inner === 'string' ? inner : JSON.stringify(inner);
    }
  }
  return out;
}
