import type { PrefectWorkPoolView } from '../work-pools/work-pool.js';
import { formatDuration, timeAndAge } from './format.js';

/**
 * Prefect's foreman marks a worker OFFLINE once it has missed this many heartbeats
 * (server.services.foreman.inactivity_heartbeat_multiple), but only every 15 s; judging by the
 * heartbeat age ourselves catches a dead worker the foreman has not got to yet.
 */
export const MISSED_HEARTBEATS_OFFLINE = 3;
/** The interval Prefect assumes for a worker that did not report one (fallback_heartbeat_interval_seconds). */
export const DEFAULT_HEARTBEAT_SECONDS = 30;

type Worker = NonNullable<PrefectWorkPoolView['workers']>[number];

/** True when the worker says ONLINE and its last heartbeat is recent enough to believe it. */
export function isWorkerOnline(worker: Worker, now: number): boolean {
  if (worker.status !== 'ONLINE') return false;
  if (!worker.lastHeartbeatAt) return true;
  const interval = worker.heartbeatIntervalSeconds ?? DEFAULT_HEARTBEAT_SECONDS;
  return now - Date.parse(worker.lastHeartbeatAt) <= MISSED_HEARTBEATS_OFFLINE * interval * 1000;
}

/** The pool's workers that are online by status and heartbeat age. */
export function onlineWorkers(pool: PrefectWorkPoolView, now: number): Worker[] {
  return (pool.workers ?? []).filter((w) => isWorkerOnline(w, now));
}

/** One evidence line per worker (up to 5): status, last heartbeat and its age, interval. */
export function workerEvidence(pool: PrefectWorkPoolView, now: number): string[] {
  const workers = pool.workers ?? [];
  if (workers.length === 0) {
    return [`work pool ${pool.name} (type ${pool.type}): no worker has ever sent a heartbeat`];
  }
  const sorted = [...workers].sort(
    (a, b) => Date.parse(b.lastHeartbeatAt ?? '') - Date.parse(a.lastHeartbeatAt ?? ''),
  );
  const lines = sorted.slice(0, 5).map((w) => {
    const interval = w.heartbeatIntervalSeconds ?? DEFAULT_HEARTBEAT_SECONDS;
    const online = isWorkerOnline(w, now);
    const beat = w.lastHeartbeatAt
      ? `last heartbeat ${timeAndAge(w.lastHeartbeatAt, now)}`
      : 'no heartbeat time';
    const stale =
      !online && w.status === 'ONLINE'
        ? `, more than ${MISSED_HEARTBEATS_OFFLINE} missed heartbeats: offline`
        : '';
    return `worker ${w.name} of pool ${pool.name}: status ${w.status ?? 'unknown'}, ${beat}, expected every ${formatDuration(interval)}${stale}`;
  });
  if (workers.length > 5) lines.push(`… and ${workers.length - 5} more workers`);
  return lines;
}
