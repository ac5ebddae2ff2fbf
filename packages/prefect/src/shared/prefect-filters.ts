import { z } from 'zod';

/**
 * Prefect's structured filters, mirrored operator by operator from the server's
 * prefect/server/schemas/filters.py (3.8.8; the same fields in 3.9.1). Every object is
 * `.strict()`: an operator Prefect does not have (`$in`, `in`, `eq`) is an invalid_input naming
 * its path, never dropped. Prefect forbids unknown keys inside a filter too, but silently ignores
 * an unknown top-level key of the request body (`flow_run` for `flow_runs`), which turns a typo
 * into a match-all; the strict `PrefectRunFilterSchema` below closes that gap as well.
 */

const Uuid = z.uuid();
const Uuids = z.array(Uuid).max(200);
const Strings = z.array(z.string().max(500)).max(200);
const Time = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 with a time zone, e.g. 2025-01-31T00:00:00Z');
const Operator = z.enum(['and_', 'or_']).optional();

export const StateTypeSchema = z.enum([
  'SCHEDULED',
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'CRASHED',
  'PAUSED',
  'CANCELLING',
]);
export type StateType = z.infer<typeof StateTypeSchema>;

const anyNotAnyIds = z.object({ any_: Uuids.optional(), not_any_: Uuids.optional() }).strict();
const anyLikeName = z
  .object({ any_: Strings.optional(), like_: z.string().max(500).optional() })
  .strict();
const anyIds = z.object({ any_: Uuids.optional() }).strict();
const anyStrings = z.object({ any_: Strings.optional() }).strict();
const allTags = z
  .object({ operator: Operator, all_: Strings.optional(), is_null_: z.boolean().optional() })
  .strict();
const anyIdsOrNull = z
  .object({ operator: Operator, any_: Uuids.optional(), is_null_: z.boolean().optional() })
  .strict();
const beforeAfter = z.object({ before_: Time.optional(), after_: Time.optional() }).strict();
const beforeAfterNull = z
  .object({ before_: Time.optional(), after_: Time.optional(), is_null_: z.boolean().optional() })
  .strict();

export const FlowFilterSchema = z
  .object({
    operator: Operator,
    id: anyNotAnyIds.optional(),
    deployment: z
      .object({ operator: Operator, is_null_: z.boolean().optional() })
      .strict()
      .optional(),
    name: anyLikeName.optional(),
    tags: allTags.optional(),
  })
  .strict();

export const FlowRunFilterSchema = z
  .object({
    operator: Operator,
    id: anyNotAnyIds.optional(),
    name: anyLikeName.optional(),
    tags: z
      .object({
        operator: Operator,
        all_: Strings.optional(),
        any_: Strings.optional(),
        is_null_: z.boolean().optional(),
      })
      .strict()
      .optional(),
    deployment_id: anyIdsOrNull.optional(),
    work_queue_name: z
      .object({ operator: Operator, any_: Strings.optional(), is_null_: z.boolean().optional() })
      .strict()
      .optional(),
    state: z
      .object({
        operator: Operator,
        type: z
          .object({
            any_: z.array(StateTypeSchema).optional(),
            not_any_: z.array(StateTypeSchema).optional(),
          })
          .strict()
          .optional(),
        name: z
          .object({ any_: Strings.optional(), not_any_: Strings.optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    flow_version: anyStrings.optional(),
    start_time: beforeAfterNull.optional(),
    end_time: beforeAfterNull.optional(),
    expected_start_time: beforeAfter.optional(),
    next_scheduled_start_time: beforeAfter.optional(),
    parent_flow_run_id: z
      .object({ operator: Operator, any_: Uuids.optional() })
      .strict()
      .optional(),
    parent_task_run_id: anyIdsOrNull.optional(),
    idempotency_key: z
      .object({ any_: Strings.optional(), not_any_: Strings.optional() })
      .strict()
      .optional(),
    created_by: z
      .object({
        operator: Operator,
        id_: Uuids.optional(),
        type_: Strings.optional(),
        is_null_: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const TaskRunFilterSchema = z
  .object({
    operator: Operator,
    id: anyIds.optional(),
    name: anyLikeName.optional(),
    tags: allTags.optional(),
    state: z
      .object({
        operator: Operator,
        type: z
          .object({ any_: z.array(StateTypeSchema).optional() })
          .strict()
          .optional(),
        name: anyStrings.optional(),
      })
      .strict()
      .optional(),
    start_time: beforeAfterNull.optional(),
    end_time: beforeAfterNull.optional(),
    expected_start_time: beforeAfter.optional(),
    subflow_runs: z.object({ exists_: z.boolean().optional() }).strict().optional(),
    flow_run_id: anyIdsOrNull.optional(),
  })
  .strict();

export const DeploymentFilterSchema = z
  .object({
    operator: Operator,
    id: anyNotAnyIds.optional(),
    name: anyLikeName.optional(),
    flow_or_deployment_name: z
      .object({ like_: z.string().max(500).optional() })
      .strict()
      .optional(),
    paused: z.object({ eq_: z.boolean().optional() }).strict().optional(),
    tags: z
      .object({
        operator: Operator,
        all_: Strings.optional(),
        any_: Strings.optional(),
        is_null_: z.boolean().optional(),
      })
      .strict()
      .optional(),
    work_queue_name: anyStrings.optional(),
    concurrency_limit: z
      .object({
        ge_: z.number().int().optional(),
        le_: z.number().int().optional(),
        is_null_: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const WorkPoolFilterSchema = z
  .object({
    operator: Operator,
    id: anyIds.optional(),
    name: anyStrings.optional(),
    type: anyStrings.optional(),
  })
  .strict();

export const WorkQueueFilterSchema = z
  .object({
    operator: Operator,
    id: anyIds.optional(),
    name: z
      .object({ any_: Strings.optional(), startswith_: Strings.optional() })
      .strict()
      .optional(),
  })
  .strict();

/**
 * The filter objects that /flows/filter, /deployments/filter and /flow_runs/filter accept side
 * by side in their request body, under Prefect's own key names.
 */
export const PrefectRunFilterSchema = z
  .object({
    flows: FlowFilterSchema.optional(),
    flow_runs: FlowRunFilterSchema.optional(),
    task_runs: TaskRunFilterSchema.optional(),
    deployments: DeploymentFilterSchema.optional(),
    work_pools: WorkPoolFilterSchema.optional(),
    work_pool_queues: WorkQueueFilterSchema.optional(),
  })
  .strict()
  .describe(
    'Prefect REST filter objects, e.g. {"flow_runs":{"parent_task_run_id":{"is_null_":true}}}.',
  );
export type PrefectRunFilter = z.infer<typeof PrefectRunFilterSchema>;

/**
 * A `filter` tool input that is validated as strictly as `schema` but advertised in tools/list as
 * a plain object with the schema's description: the full operator grammar would add thousands of
 * tokens to every listing. Unknown keys are still rejected, naming the path.
 */
export function compactFilterInput<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
) {
  return z
    .record(z.string(), z.unknown())
    .pipe(schema)
    .optional()
    .describe(
      'Prefect REST filter objects, e.g. {"flow_runs":{"parent_task_run_id":{"is_null_":true}}}.',
    );
}
