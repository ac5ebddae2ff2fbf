import { z } from 'zod';
import type {
  PrefectPoolConcurrency,
  PrefectWorker,
  PrefectWorkPool,
  PrefectWorkQueue,
} from '../shared/prefect-api-types.js';

/** A worker of a pool, as its heartbeats describe it. */
export const PrefectWorkerViewSchema = z.object({
  name: z.string(),
  status: z.string().optional().describe('ONLINE or OFFLINE'),
  lastHeartbeatAt: z.string().optional(),
  heartbeatIntervalSeconds: z.number().optional(),
});

/** A queue of a pool with its limit and how many runs hold its slots. */
export const PrefectQueueViewSchema = z.object({
  name: z.string(),
  status: z.string().optional(),
  paused: z.boolean().optional(),
  priority: z.number().optional(),
  concurrencyLimit: z.number().optional(),
  activeSlots: z.number().optional(),
  lastPolledAt: z.string().optional(),
  slotHolders: z
    .array(z.object({ id: z.string(), name: z.string(), state: z.string().optional() }))
    .optional()
    .describe('Flow runs holding a slot of this queue (up to 10)'),
});

/** A work pool with what decides whether its runs can start: workers, pause, limits. */
export const PrefectWorkPoolViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string().optional(),
  status: z
    .string()
    .optional()
    .describe('READY (a worker is online), NOT_READY (none is) or PAUSED'),
  paused: z.boolean().optional(),
  concurrencyLimit: z.number().optional(),
  activeSlots: z
    .number()
    .optional()
    .describe('Runs occupying the pool (PENDING, RUNNING, CANCELLING)'),
  atCapacity: z.boolean().optional(),
  onlineWorkers: z.number().optional(),
  workers: z.array(PrefectWorkerViewSchema).optional(),
  queues: z.array(PrefectQueueViewSchema).optional(),
});
export type PrefectWorkPoolView = z.infer<typeof PrefectWorkPoolViewSchema>;

/** Maps a pool with its workers, queues and concurrency status (each optional). */
export function mapWorkPool(
  pool: PrefectWorkPool,
  extra: {
    workers?: PrefectWorker[] | undefined;
    queues?: PrefectWorkQueue[] | undefined;
    concurrency?: PrefectPoolConcurrency | undefined;
  } = {},
): PrefectWorkPoolView {
  const view: PrefectWorkPoolView = { id: pool.id, name: pool.name, type: pool.type };
  if (pool.description) view.description = pool.description;
  if (pool.status) view.status = pool.status;
  if (pool.is_paused !== undefined) view.paused = pool.is_paused;
  if (pool.concurrency_limit !== undefined) view.concurrencyLimit = pool.concurrency_limit;
  const active = extra.concurrency?.active_slots ?? pool.active_slots;
  if (active !== undefined) view.activeSlots = active;
  if (pool.concurrency_limit !== undefined)
    view.atCapacity = (active ?? 0) >= pool.concurrency_limit;
  if (extra.workers) {
    view.onlineWorkers = extra.workers.filter((w) => w.status === 'ONLINE').length;
    view.workers = extra.workers.map((w) => ({
      name: w.name,
      ...(w.status ? { status: w.status } : {}),
      ...(w.last_heartbeat_time ? { lastHeartbeatAt: w.last_heartbeat_time } : {}),
      ...(w.heartbeat_interval_seconds !== undefined
        ? { heartbeatIntervalSeconds: w.heartbeat_interval_seconds }
        : {}),
    }));
  }
  if (extra.queues) {
    const byName = new Map(extra.concurrency?.queues.map((q) => [q.queue_name, q]));
    view.queues = extra.queues.map((q) => {
      const status = byName.get(q.name);
      const holders = status?.flow_runs ?? [];
      return {
        name: q.name,
        ...(q.status ? { status: q.status } : {}),
        ...(q.is_paused !== undefined ? { paused: q.is_paused } : {}),
        ...(q.priority !== undefined ? { priority: q.priority } : {}),
        ...(q.concurrency_limit !== undefined ? { concurrencyLimit: q.concurrency_limit } : {}),
        activeSlots: status?.active_slots ?? q.active_slots ?? 0,
        ...(q.last_polled ? { lastPolledAt: q.last_polled } : {}),
        ...(holders.length
          ? {
              slotHolders: holders.map((r) => ({
                id: r.id,
                name: r.name,
                ...(r.state_name ? { state: r.state_name } : {}),
              })),
            }
          : {}),
      };
    });
  }
  return view;
}
