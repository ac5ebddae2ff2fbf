import type { Span, Trace, TraceFeedback, Tracing } from '@mlops-mcp/core';
import { createAssessment } from '../assessments/assessments-api.js';
import type { MlflowContext } from '../shared/context.js';
import { mapTraceDetail } from './map-trace-detail.js';
import { mlflowTraceQuery } from './neutral-traces.js';
import {
  type AssessmentSourceType,
  AssessmentSourceTypeSchema,
  type TraceSummary,
} from './trace-model.js';
import { getTraceWithSpans, MLFLOW_MAX_TRACE_RESULTS, searchTraces } from './traces-api.js';

/** Per-field cap for neutral getTrace callers, which have no response budget of their own. */
const NEUTRAL_FIELD_CHARS = 4000;

/**
 * The neutral Tracing capability over MLflow 3 traces: `scopes` are experiment ids, traces come
 * back as core `Trace`/`Span` with refs `mlflow://traces/<id>`, feedback becomes an assessment.
 */
export function createMlflowTracing(mlflow: MlflowContext): Tracing {
  const tracing: Tracing = {
    queryTraces: (query, options) => mlflowTraceQuery(tracing).queryTraces(query, options),
    async searchTraces(params, options) {
      const page = await searchTraces(
        mlflow,
        {
          experimentIds: params.scopes,
          filter: params.filter,
          orderBy: params.orderBy,
          limit: Math.min(params.limit, MLFLOW_MAX_TRACE_RESULTS),
          cursor: params.cursor,
        },
        { includeSystemTags: false, previewChars: 0, includeAssessments: false },
        options,
      );
      return { ...page, items: page.items.map(neutralTrace) };
    },

    async getTrace(id, options) {
      const trace = await getTraceWithSpans(mlflow, id, options);
      const detail = mapTraceDetail(trace, {
        baseUrl: mlflow.baseUrl,
        includeSystemTags: false,
        includeAttributes: true,
        maxFieldChars: NEUTRAL_FIELD_CHARS,
        spanOffset: 0,
        spanLimit: Number.POSITIVE_INFINITY,
        maxTokens: Number.POSITIVE_INFINITY,
      });
      return { ...neutralTrace(detail), spans: detail.spans.map(neutralSpan) };
    },

    async logFeedback(traceId, feedback, options) {
      await createAssessment(
        mlflow,
        traceId,
        {
          kind: 'feedback',
          name: feedback.name,
          value: feedback.value,
          rationale: feedback.rationale,
          source: parseFeedbackSource(feedback.source),
        },
        options,
      );
    },
  };
  return tracing;
}

/** The neutral fields of an MLflow trace summary (MLflow extras dropped). */
function neutralTrace(summary: TraceSummary): Trace {
  const { ref, id, name, status, rawStatus, startedAt, durationMs, experimentId, runId, tags } =
    summary;
  const trace: Trace = { ref, id, status };
  if (name !== undefined) trace.name = name;
  if (rawStatus !== undefined) trace.rawStatus = rawStatus;
  if (startedAt !== undefined) trace.startedAt = startedAt;
  if (durationMs !== undefined) trace.durationMs = durationMs;
  if (experimentId !== undefined) trace.experimentId = experimentId;
  if (runId !== undefined) trace.runId = runId;
  if (tags !== undefined) trace.tags = tags;
  return trace;
}

function neutralSpan(span: Span & { truncated?: boolean | undefined }): Span {
  const { truncated: _truncated, ...rest } = span;
  return rest;
}

/**
 * Neutral feedback names its source in one string: "LLM_JUDGE:gpt-4o", "CODE:check.py",
 * "HUMAN:ana", or just "ana" (a person). Absent means the gateway itself, as a HUMAN proxy.
 */
export function parseFeedbackSource(source: TraceFeedback['source']): {
  type: AssessmentSourceType;
  id: string;
} {
  if (!source) return { type: 'HUMAN', id: 'mlops-mcp' };
  const colon = source.indexOf(':');
  const head = colon === -1 ? source : source.slice(0, colon);
  const parsed = AssessmentSourceTypeSchema.safeParse(head.toUpperCase());
  if (!parsed.success) return { type: 'HUMAN', id: source };
  const id = colon === -1 ? '' : source.slice(colon + 1).trim();
  return { type: parsed.data, id: id || 'mlops-mcp' };
}
