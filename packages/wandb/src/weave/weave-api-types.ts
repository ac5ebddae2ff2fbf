/**
 * Wire shapes of the Weave trace server, as its pydantic models define them
 * (wandb/weave: weave/trace_server/trace_server_interface.py, weave 0.52.42). Only the fields
 * the adapter reads are validated; the rest pass through untouched.
 */
import { z } from 'zod';

/** `SortBy`: a CallSchema field (dotted for JSON fields) and a direction. */
export const WeaveSortBySchema = z.object({
  field: z.string(),
  direction: z.enum(['asc', 'desc']),
});
export type WeaveSortBy = z.infer<typeof WeaveSortBySchema>;

/** `CallsFilter`: the server's structured filters (ANDed together). */
export const CallsFilterSchema = z.object({
  op_names: z.array(z.string()).optional(),
  parent_ids: z.array(z.string()).optional(),
  trace_ids: z.array(z.string()).optional(),
  call_ids: z.array(z.string()).optional(),
  trace_roots_only: z.boolean().optional(),
});
export type CallsFilter = z.infer<typeof CallsFilterSchema>;

/** `Query`: `{ "$expr": <operation> }` (validated by weave-query.ts, not here). */
export const WeaveQuerySchema = z.object({ $expr: z.record(z.string(), z.unknown()) });
export type WeaveQuery = z.infer<typeof WeaveQuerySchema>;

/** `CallsQueryReq`, the body of POST /calls/stream_query. */
export const CallsQueryReqSchema = z.object({
  project_id: z.string(),
  filter: CallsFilterSchema.optional(),
  query: WeaveQuerySchema.optional(),
  sort_by: z.array(WeaveSortBySchema).optional(),
  limit: z.number().int().optional(),
  offset: z.number().int().optional(),
  columns: z.array(z.string()).optional(),
  include_costs: z.boolean().optional(),
});
export type CallsQueryReq = z.infer<typeof CallsQueryReqSchema>;

/** `CallsQueryStatsReq`, the body of POST /calls/query_stats. */
export const CallsQueryStatsReqSchema = CallsQueryReqSchema.pick({
  project_id: true,
  filter: true,
  query: true,
  limit: true,
});
export type CallsQueryStatsReq = z.infer<typeof CallsQueryStatsReqSchema>;

/** Per-model token counts in `summary.usage` (OpenAI and Anthropic spellings both occur). */
export const LlmUsageSchema = z
  .object({
    prompt_tokens: z.number().nullish(),
    input_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    output_tokens: z.number().nullish(),
    total_tokens: z.number().nullish(),
    requests: z.number().nullish(),
  })
  .loose();
export type LlmUsage = z.infer<typeof LlmUsageSchema>;

/** Per-model cost in `summary.weave.costs` (present when the query asked `include_costs`). */
export const LlmCostSchema = LlmUsageSchema.extend({
  prompt_tokens_total_cost: z.number().nullish(),
  completion_tokens_total_cost: z.number().nullish(),
}).loose();
export type LlmCost = z.infer<typeof LlmCostSchema>;

/** `SummaryMap`: user summary plus the server-derived `weave` block. */
export const CallSummarySchema = z
  .object({
    usage: z.record(z.string(), LlmUsageSchema).nullish(),
    status_counts: z.record(z.string(), z.number()).nullish(),
    weave: z
      .object({
        status: z.string().nullish(),
        trace_name: z.string().nullish(),
        latency_ms: z.number().nullish(),
        costs: z.record(z.string(), LlmCostSchema).nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();
export type CallSummary = z.infer<typeof CallSummarySchema>;

/** `CallSchema`: one call (span) as /calls/stream_query and /call/read return it. */
export const WireCallSchema = z
  .object({
    id: z.string(),
    project_id: z.string(),
    op_name: z.string(),
    display_name: z.string().nullish(),
    trace_id: z.string(),
    parent_id: z.string().nullish(),
    thread_id: z.string().nullish(),
    started_at: z.string(),
    ended_at: z.string().nullish(),
    exception: z.string().nullish(),
    attributes: z.record(z.string(), z.unknown()).nullish(),
    inputs: z.record(z.string(), z.unknown()).nullish(),
    output: z.unknown().optional(),
    summary: CallSummarySchema.nullish(),
    wb_user_id: z.string().nullish(),
    wb_run_id: z.string().nullish(),
  })
  .loose();
export type WireCall = z.infer<typeof WireCallSchema>;

/** `CallReadRes`: `call` is null (HTTP 200) when no call has that id. */
export const CallReadResSchema = z.object({ call: WireCallSchema.nullable() });

/** `CallsQueryStatsRes`. */
export const CallsQueryStatsResSchema = z.object({
  count: z.number().int(),
  has_more: z.boolean().optional(),
});
export type CallsQueryStatsRes = z.infer<typeof CallsQueryStatsResSchema>;

/** `ObjSchema`: one object version. `val` is empty when `metadata_only` was asked. */
export const WireObjSchema = z
  .object({
    project_id: z.string(),
    object_id: z.string(),
    created_at: z.string(),
    digest: z.string(),
    version_index: z.number().int(),
    is_latest: z.number().int(),
    kind: z.string(),
    base_object_class: z.string().nullish(),
    leaf_object_class: z.string().nullish(),
    val: z.unknown().optional(),
    wb_user_id: z.string().nullish(),
    tags: z.array(z.string()).nullish(),
    aliases: z.array(z.string()).nullish(),
  })
  .loose();
export type WireObj = z.infer<typeof WireObjSchema>;

/** `ObjQueryReq` (POST /objs/query). */
export const ObjQueryReqSchema = z.object({
  project_id: z.string(),
  filter: z
    .object({
      base_object_classes: z.array(z.string()).optional(),
      object_ids: z.array(z.string()).optional(),
      is_op: z.boolean().optional(),
      latest_only: z.boolean().optional(),
    })
    .optional(),
  limit: z.number().int().optional(),
  offset: z.number().int().optional(),
  sort_by: z.array(WeaveSortBySchema).optional(),
  metadata_only: z.boolean().optional(),
  include_tags_and_aliases: z.boolean().optional(),
});
export type ObjQueryReq = z.infer<typeof ObjQueryReqSchema>;

export const ObjQueryResSchema = z.object({ objs: z.array(WireObjSchema) });
export const ObjReadResSchema = z.object({ obj: WireObjSchema });

/** One row of `FeedbackQueryRes.result` (a dict: the query may pick fields). */
export const WireFeedbackSchema = z
  .object({
    id: z.string(),
    weave_ref: z.string(),
    feedback_type: z.string(),
    payload: z.record(z.string(), z.unknown()).nullish(),
    creator: z.string().nullish(),
    created_at: z.string(),
    wb_user_id: z.string().nullish(),
  })
  .loose();
export type WireFeedback = z.infer<typeof WireFeedbackSchema>;

/** `FeedbackQueryReq` (POST /feedback/query). */
export const FeedbackQueryReqSchema = z.object({
  project_id: z.string(),
  query: WeaveQuerySchema.optional(),
  sort_by: z.array(WeaveSortBySchema).optional(),
  limit: z.number().int().optional(),
  offset: z.number().int().optional(),
});
export type FeedbackQueryReq = z.infer<typeof FeedbackQueryReqSchema>;

export const FeedbackQueryResSchema = z.object({ result: z.array(WireFeedbackSchema) });

/** `FeedbackCreateReq` (POST /feedback/create); the server fills `wb_user_id`. */
export const FeedbackCreateReqSchema = z.object({
  project_id: z.string(),
  weave_ref: z.string(),
  feedback_type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  creator: z.string().optional(),
});
export type FeedbackCreateReq = z.infer<typeof FeedbackCreateReqSchema>;

/** `FeedbackCreateRes`: the server may rewrite the payload (reaction aliases). */
export const FeedbackCreateResSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  wb_user_id: z.string().nullish(),
  payload: z.record(z.string(), z.unknown()),
});
export type FeedbackCreateRes = z.infer<typeof FeedbackCreateResSchema>;

/** `ServerInfoRes` (GET /server_info). */
export const ServerInfoResSchema = z.object({
  min_required_weave_python_version: z.string(),
  trace_server_version: z.string().nullish(),
});

/** The error bodies the trace server answers with: `reason` (its registry) or `detail` (422). */
export const WeaveErrorBodySchema = z.object({
  reason: z.string().optional(),
  message: z.string().optional(),
  detail: z
    .union([
      z.string(),
      z.array(z.object({ loc: z.array(z.unknown()).optional(), msg: z.string() }).loose()),
    ])
    .optional(),
});
