import type { RunStatus } from '@mlops-mcp/core';

const STATUS: Record<string, RunStatus> = {
  running: 'running',
  pending: 'scheduled',
  finished: 'finished',
  failed: 'failed',
  crashed: 'failed',
  killed: 'killed',
  preempting: 'running',
  preempted: 'killed',
};

/**
 * Maps W&B's run state (running, finished, failed, crashed, killed, pending, preempting,
 * preempted: wandb/apis/public/runs.py) to the neutral vocabulary. `crashed` (the process died
 * without reporting) becomes `failed`; the raw state stays beside it as `rawStatus`.
 */
export function mapRunState(raw: string | null | undefined): RunStatus {
  return STATUS[(raw ?? '').toLowerCase()] ?? 'unknown';
}
