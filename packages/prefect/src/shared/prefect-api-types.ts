import { z } from 'zod';

/**
 * zod schemas of the Prefect REST responses this adapter reads, checked against real Prefect
 * 3.8.8 and 3.9.1 servers (prefect/server/schemas/core.py and responses.py, the same in both).
 * Fields the adapter does not use are left out; optional ones accept null, as Prefect sends null
 * for unset.
 */

const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const Tags = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

export const PrefectStateSchema = z.object({
  id: opt(z.string()),
  type: z.string(),
  name: opt(z.string()),
  timestamp: opt(z.string()),
  message: opt(z.string()),
  state_details: opt(
    z.object({
      scheduled_time: opt(z.string()),
      pause_timeout: opt(z.string()),
      deployment_concurrency_lease_id: opt(z.string()),
    }),
  ),
});
export type PrefectState = z.infer<typeof PrefectStateSchema>;

export const PrefectFlowSchema = z.object({
  id: z.string(),
  name: z.string(),
  created: opt(z.string()),
  tags: Tags,
});
export type PrefectFlow = z.infer<typeof PrefectFlowSchema>;

export const PrefectDeploymentSchema = z.object({
  id: z.string(),
  name: z.string(),
  flow_id: z.string(),
  created: opt(z.string()),
  updated: opt(z.string()),
  description: opt(z.string()),
  version: opt(z.string()),
  paused: opt(z.boolean()),
  status: opt(z.string()),
  tags: Tags,
  work_pool_name: opt(z.string()),
  work_queue_name: opt(z.string()),
  concurrency_limit: opt(z.number()),
  global_concurrency_limit: opt(
    z.object({ name: z.string(), limit: z.number(), active_slots: opt(z.number()) }).loose(),
  ),
  parameters: opt(z.record(z.string(), z.unknown())),
  parameter_openapi_schema: opt(z.record(z.string(), z.unknown())),
  enforce_parameter_schema: opt(z.boolean()),
  last_polled: opt(z.string()),
  entrypoint: opt(z.string()),
  schedules: z
    .array(
      z
        .object({
          id: opt(z.string()),
          active: opt(z.boolean()),
          schedule: z.record(z.string(), z.unknown()),
        })
        .loose(),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type PrefectDeployment = z.infer<typeof PrefectDeploymentSchema>;

export const PrefectFlowRunSchema = z.object({
  id: z.string(),
  name: z.string(),
  flow_id: z.string(),
  deployment_id: opt(z.string()),
  work_pool_name: opt(z.string()),
  work_queue_name: opt(z.string()),
  state_type: opt(z.string()),
  state_name: opt(z.string()),
  state: opt(PrefectStateSchema),
  tags: Tags,
  parameters: opt(z.record(z.string(), z.unknown())),
  run_count: opt(z.number()),
  expected_start_time: opt(z.string()),
  next_scheduled_start_time: opt(z.string()),
  start_time: opt(z.string()),
  end_time: opt(z.string()),
  total_run_time: opt(z.number()),
  estimated_start_time_delta: opt(z.number()),
  parent_task_run_id: opt(z.string()),
  created: opt(z.string()),
});
export type PrefectFlowRun = z.infer<typeof PrefectFlowRunSchema>;

export const PrefectTaskRunSchema = z.object({
  id: z.string(),
  name: z.string(),
  flow_run_id: opt(z.string()),
  task_key: opt(z.string()),
  state_type: opt(z.string()),
  state_name: opt(z.string()),
  state: opt(PrefectStateSchema),
  tags: Tags,
  run_count: opt(z.number()),
  expected_start_time: opt(z.string()),
  start_time: opt(z.string()),
  end_time: opt(z.string()),
  total_run_time: opt(z.number()),
});
export type PrefectTaskRun = z.infer<typeof PrefectTaskRunSchema>;

export const PrefectLogSchema = z.object({
  id: opt(z.string()),
  name: opt(z.string()),
  level: z.number(),
  message: z.string(),
  timestamp: z.string(),
  flow_run_id: opt(z.string()),
  task_run_id: opt(z.string()),
});
export type PrefectLog = z.infer<typeof PrefectLogSchema>;

export const PrefectWorkPoolSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: opt(z.string()),
  is_paused: opt(z.boolean()),
  status: opt(z.string()),
  concurrency_limit: opt(z.number()),
  active_slots: opt(z.number()),
});
export type PrefectWorkPool = z.infer<typeof PrefectWorkPoolSchema>;

export const PrefectWorkerSchema = z.object({
  id: opt(z.string()),
  name: z.string(),
  last_heartbeat_time: opt(z.string()),
  heartbeat_interval_seconds: opt(z.number()),
  status: opt(z.string()),
});
export type PrefectWorker = z.infer<typeof PrefectWorkerSchema>;

export const PrefectWorkQueueSchema = z.object({
  id: z.string(),
  name: z.string(),
  is_paused: opt(z.boolean()),
  concurrency_limit: opt(z.number()),
  priority: opt(z.number()),
  status: opt(z.string()),
  last_polled: opt(z.string()),
  active_slots: opt(z.number()),
});
export type PrefectWorkQueue = z.infer<typeof PrefectWorkQueueSchema>;

/** POST /work_pools/{name}/concurrency_status (new in Prefect 3.8). */
export const PrefectPoolConcurrencySchema = z.object({
  active_slots: z.number(),
  concurrency_limit: opt(z.number()),
  queues: z.array(
    z.object({
      queue_name: z.string(),
      active_slots: z.number(),
      concurrency_limit: opt(z.number()),
      flow_runs: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          state_type: opt(z.string()),
          state_name: opt(z.string()),
        }),
      ),
    }),
  ),
});
export type PrefectPoolConcurrency = z.infer<typeof PrefectPoolConcurrencySchema>;

export const PrefectGlobalLimitSchema = z.object({
  id: z.string(),
  name: z.string(),
  limit: z.number(),
  active: opt(z.boolean()),
  active_slots: z.number(),
  slot_decay_per_second: opt(z.number()),
});
export type PrefectGlobalLimit = z.infer<typeof PrefectGlobalLimitSchema>;

export const PrefectTagLimitSchema = z.object({
  id: z.string(),
  tag: z.string(),
  concurrency_limit: z.number(),
  active_slots: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
});
export type PrefectTagLimit = z.infer<typeof PrefectTagLimitSchema>;

/** Triggers nest (compound and sequence triggers hold triggers), so the shape stays open. */
export const PrefectTriggerSchema = z.record(z.string(), z.unknown());

export const PrefectAutomationSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: opt(z.string()),
  enabled: opt(z.boolean()),
  tags: Tags,
  trigger: PrefectTriggerSchema,
  actions: z.array(z.record(z.string(), z.unknown())),
  actions_on_trigger: z
    .array(z.record(z.string(), z.unknown()))
    .nullish()
    .transform((v) => v ?? []),
  actions_on_resolve: z
    .array(z.record(z.string(), z.unknown()))
    .nullish()
    .transform((v) => v ?? []),
  created: opt(z.string()),
});
export type PrefectAutomation = z.infer<typeof PrefectAutomationSchema>;

export const PrefectVariableSchema = z.object({
  id: z.string(),
  name: z.string(),
  value: z.unknown(),
  tags: Tags,
  updated: opt(z.string()),
});
export type PrefectVariable = z.infer<typeof PrefectVariableSchema>;

/** Block documents: only metadata is read; `data` is deliberately not part of the schema. */
export const PrefectBlockDocumentSchema = z.object({
  id: z.string(),
  name: opt(z.string()),
  is_anonymous: opt(z.boolean()),
  created: opt(z.string()),
  updated: opt(z.string()),
  block_type_name: opt(z.string()),
  block_type: opt(z.object({ name: z.string(), slug: opt(z.string()) })),
});
export type PrefectBlockDocument = z.infer<typeof PrefectBlockDocumentSchema>;

export const PrefectEventSchema = z.object({
  id: z.string(),
  occurred: z.string(),
  event: z.string(),
  resource: z.record(z.string(), z.string()),
  related: z
    .array(z.record(z.string(), z.string()))
    .nullish()
    .transform((v) => v ?? []),
  payload: opt(z.record(z.string(), z.unknown())),
});
export type PrefectEvent = z.infer<typeof PrefectEventSchema>;

export const PrefectEventPageSchema = z.object({
  events: z.array(PrefectEventSchema),
  total: z.number(),
  next_page: opt(z.string()),
});

/** POST /flow_runs/{id}/set_state answer. */
export const PrefectOrchestrationResultSchema = z.object({
  state: opt(PrefectStateSchema),
  status: z.enum(['ACCEPT', 'REJECT', 'ABORT', 'WAIT']),
  details: opt(z.object({ reason: opt(z.string()), type: opt(z.string()) }).loose()),
});
export type PrefectOrchestrationResult = z.infer<typeof PrefectOrchestrationResultSchema>;

/** Prefect's error bodies: HTTPException `{"detail": ...}` and request validation errors. */
export const PrefectErrorSchema = z.object({
  detail: z.unknown().optional(),
  exception_message: z.string().optional(),
  exception_detail: z
    .array(
      z
        .object({
          loc: z.array(z.union([z.string(), z.number()])).optional(),
          msg: z.string().optional(),
          type: z.string().optional(),
        })
        .loose(),
    )
    .optional(),
});
