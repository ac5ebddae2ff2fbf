import type { FlowRunStatus } from '@mlops-mcp/core';
import type { StateType } from './prefect-filters.js';

const STATUS_BY_STATE_TYPE: Record<string, FlowRunStatus> = {
  SCHEDULED: 'scheduled',
  PENDING: 'pending',
  RUNNING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CRASHED: 'crashed',
  CANCELLED: 'cancelled',
  CANCELLING: 'cancelled',
  PAUSED: 'paused',
};

/**
 * Maps a Prefect state type to the neutral flow-run status. CANCELLING counts as cancelled (the
 * run is on its way out); a Late run is SCHEDULED by type and keeps "Late" as its state name.
 */
export function mapStateType(stateType: string | undefined): FlowRunStatus {
  return (stateType && STATUS_BY_STATE_TYPE[stateType]) || 'unknown';
}

/** The Prefect state types a neutral status stands for (the inverse of mapStateType). */
export function stateTypesFor(statuses: readonly FlowRunStatus[]): StateType[] {
  const types = new Set<StateType>();
  for (const [type, status] of Object.entries(STATUS_BY_STATE_TYPE)) {
    if (statuses.includes(status)) types.add(type as StateType);
  }
  return [...types];
}

/** Terminal state types: a run in one of them will not change by itself. */
export const FINAL_STATE_TYPES: readonly string[] = ['COMPLETED', 'FAILED', 'CRASHED', 'CANCELLED'];
