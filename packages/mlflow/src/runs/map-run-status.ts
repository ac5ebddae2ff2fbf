import type { RunStatus } from '@mlops-mcp/core';

const STATUS: Record<string, RunStatus> = {
  RUNNING: 'running',
  SCHEDULED: 'scheduled',
  FINISHED: 'finished',
  FAILED: 'failed',
  KILLED: 'killed',
};

/** Maps MLflow's RunStatus enum to the neutral vocabulary. */
export function mapRunStatus(raw: string): RunStatus {
  return STATUS[raw] ?? 'unknown';
}
