import { z } from 'zod';
import { MlflowAssessmentSchema } from '../assessments/assessments-api-types.js';

/**
 * zod schemas of MLflow 3.x trace responses (service.proto `TraceInfoV3`, `Trace`, and the
 * OpenTelemetry `Span` it embeds). proto3 JSON omits empty fields, renders maps as objects,
 * Timestamps as RFC 3339 strings, Durations as "1.5s", and int64/fixed64 as numbers or strings.
 */

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

export const MlflowTraceInfoSchema = z.object({
  trace_id: z.string(),
  client_request_id: z.string().optional(),
  trace_location: z
    .object({
      type: z.string().optional(),
      mlflow_experiment: z.object({ experiment_id: z.string() }).optional(),
    })
    .optional(),
  request_preview: z.string().optional(),
  response_preview: z.string().optional(),
  request_time: z.union([z.string(), z.number()]).optional(),
  execution_duration: z.union([z.string(), z.number()]).optional(),
  state: z.string().optional().default('STATE_UNSPECIFIED'),
  trace_metadata: z.record(z.string(), z.string()).optional().default({}),
  tags: z.record(z.string(), z.string()).optional().default({}),
  assessments: z.array(MlflowAssessmentSchema).optional().default([]),
});
export type MlflowTraceInfo = z.infer<typeof MlflowTraceInfoSchema>;

/** OpenTelemetry AnyValue: exactly one of these is set; none set means null. */
export type OtelAnyValue = {
  string_value?: string;
  bool_value?: boolean;
  int_value?: number | string;
  double_value?: number | string;
  bytes_value?: string;
  array_value?: { values?: OtelAnyValue[] };
  kvlist_value?: { values?: { key: string; value?: OtelAnyValue }[] };
};
const OtelAnyValueSchema: z.ZodType<OtelAnyValue> = z.lazy(() =>
  z.object({
    string_value: z.string().optional(),
    bool_value: z.boolean().optional(),
    int_value: z.union([z.number(), z.string()]).optional(),
    double_value: z.union([z.number(), z.string()]).optional(),
    bytes_value: z.string().optional(),
    array_value: z.object({ values: z.array(OtelAnyValueSchema).optional() }).optional(),
    kvlist_value: z
      .object({
        values: z
          .array(z.object({ key: z.string(), value: OtelAnyValueSchema.optional() }))
          .optional(),
      })
      .optional(),
  }),
);
const OtelKeyValues = z
  .array(z.object({ key: z.string(), value: OtelAnyValueSchema.optional() }))
  .optional()
  .default([]);

/** A span as `traces/get` and `traces/batchGet` return it (OTel proto JSON, ids base64). */
export const OtelSpanSchema = z.object({
  span_id: z.string(),
  parent_span_id: z.string().optional(),
  name: z.string().optional().default(''),
  start_time_unix_nano: Int64.optional(),
  end_time_unix_nano: Int64.optional(),
  attributes: OtelKeyValues,
  events: z
    .array(
      z.object({
        name: z.string().optional().default(''),
        time_unix_nano: Int64.optional(),
        attributes: OtelKeyValues,
      }),
    )
    .optional()
    .default([]),
  status: z.object({ code: z.string().optional(), message: z.string().optional() }).optional(),
});
export type OtelSpan = z.infer<typeof OtelSpanSchema>;

export const MlflowTraceSchema = z.object({
  trace_info: MlflowTraceInfoSchema,
  spans: z.array(OtelSpanSchema).optional().default([]),
});

export const SearchTracesResponseSchema = z.object({
  traces: z.array(MlflowTraceInfoSchema).optional().default([]),
  next_page_token: z.string().optional(),
});

export const TraceInfoResponseSchema = z.object({
  trace: z.object({ trace_info: MlflowTraceInfoSchema }),
});

export const GetTraceResponseSchema = z.object({ trace: MlflowTraceSchema });

export const BatchGetTracesResponseSchema = z.object({
  traces: z.array(MlflowTraceSchema).optional().default([]),
});

/**
 * A span in the trace-data file `get-trace-artifact` serves (MLflow's own JSON: attribute values
 * are JSON-encoded strings). 3.x writes OTel-style names; 2.x wrote `context.span_id`,
 * `parent_id`, `start_time` and `status_code`, accepted here too.
 */
export const ArtifactSpanSchema = z.object({
  span_id: z.string().optional(),
  context: z.object({ span_id: z.string().optional() }).optional(),
  parent_span_id: z.string().nullish(),
  parent_id: z.string().nullish(),
  name: z.string().optional().default(''),
  start_time_unix_nano: Int64.optional(),
  end_time_unix_nano: Int64.nullish(),
  start_time: Int64.optional(),
  end_time: Int64.nullish(),
  attributes: z.record(z.string(), z.unknown()).optional().default({}),
  events: z
    .array(
      z.object({
        name: z.string().optional().default(''),
        time_unix_nano: Int64.optional(),
        timestamp: Int64.optional(),
        attributes: z.record(z.string(), z.unknown()).optional().default({}),
      }),
    )
    .optional()
    .default([]),
  status: z
    .union([z.object({ code: z.string().optional(), message: z.string().optional() }), z.string()])
    .optional(),
  status_code: z.string().optional(),
  status_message: z.string().optional(),
});
export type ArtifactSpan = z.infer<typeof ArtifactSpanSchema>;

export const ArtifactTraceDataSchema = z.object({
  spans: z.array(ArtifactSpanSchema).optional().default([]),
});

export const DeleteTracesResponseSchema = z.object({
  traces_deleted: Int64.optional().default(0),
});
