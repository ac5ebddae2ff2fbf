import { type CallOptions, InvalidInputError, withHints } from '@mlops-mcp/core';
import { EmptyResponseSchema } from '../shared/api-types.js';
import { MLFLOW_API_V3, type MlflowContext } from '../shared/context.js';
import { TRACE_NOT_FOUND_HINT } from '../traces/trace-errors.js';
import { parseTraceId } from '../traces/trace-id.js';
import type { Assessment, AssessmentSourceType } from '../traces/trace-model.js';
import { requireTraceApi } from '../traces/traces-api.js';
import { AssessmentResponseSchema } from './assessments-api-types.js';
import { mapAssessment } from './map-assessment.js';

/**
 * MLflow 3.x assessment endpoints (`/api/3.0/mlflow/traces/{trace_id}/assessments...`,
 * handlers `_create_assessment`, `_get_assessment`, `_update_assessment`, `_delete_assessment`).
 */

const V3 = `${MLFLOW_API_V3}/traces`;

const ASSESSMENT_NOT_FOUND_HINT =
  'Check both ids; mlflow_get_trace_info lists the assessments of a trace with their ids.';

/** JSON the Python client stores expectations of objects/lists as (Expectation.to_proto). */
const JSON_FORMAT = 'JSON_FORMAT';

export interface NewAssessment {
  kind: 'feedback' | 'expectation';
  name: string;
  value: unknown;
  source: { type: AssessmentSourceType; id: string };
  rationale?: string | undefined;
  metadata?: Record<string, string> | undefined;
  spanId?: string | undefined;
}

function path(traceId: string, assessmentId?: string): string {
  const base = `${V3}/${encodeURIComponent(traceId)}/assessments`;
  return assessmentId ? `${base}/${encodeURIComponent(assessmentId)}` : base;
}

/**
 * Expectation values that are objects or lists go JSON-encoded in `serialized_value`, as the
 * Python client sends them; feedback values are a google.protobuf.Value and go as is.
 */
function valueField(kind: NewAssessment['kind'], value: unknown): Record<string, unknown> {
  if (kind === 'expectation' && value !== null && typeof value === 'object') {
    return {
      expectation: {
        serialized_value: { serialization_format: JSON_FORMAT, value: JSON.stringify(value) },
      },
    };
  }
  return { [kind]: { value } };
}

/** Logs a feedback or expectation on a trace and returns it as stored. */
export async function createAssessment(
  mlflow: MlflowContext,
  traceId: string,
  assessment: NewAssessment,
  options: CallOptions = {},
): Promise<Assessment> {
  await requireTraceApi(mlflow, options);
  const response = await withHints(
    mlflow.http.request({
      method: 'POST',
      path: path(traceId),
      body: {
        assessment: {
          assessment_name: assessment.name,
          trace_id: traceId,
          span_id: assessment.spanId,
          source: { source_type: assessment.source.type, source_id: assessment.source.id },
          ...valueField(assessment.kind, assessment.value),
          rationale: assessment.kind === 'feedback' ? assessment.rationale : undefined,
          metadata: assessment.metadata,
        },
      },
      signal: options.signal,
      schema: AssessmentResponseSchema,
      operation: `log ${assessment.kind}`,
    }),
    { not_found: TRACE_NOT_FOUND_HINT },
  );
  return mapAssessment(response.assessment);
}

/** Fetches one assessment of a trace. */
export async function getAssessment(
  mlflow: MlflowContext,
  traceId: string,
  assessmentId: string,
  options: CallOptions = {},
): Promise<Assessment> {
  await requireTraceApi(mlflow, options);
  const response = await withHints(
    mlflow.http.request({
      method: 'GET',
      path: path(traceId, assessmentId),
      signal: options.signal,
      schema: AssessmentResponseSchema,
      operation: 'get assessment',
    }),
    { not_found: ASSESSMENT_NOT_FOUND_HINT },
  );
  return mapAssessment(response.assessment);
}

export interface AssessmentChanges {
  name?: string | undefined;
  value?: unknown;
  rationale?: string | undefined;
  /** Merged into the existing metadata (MLflow never removes keys on update). */
  metadata?: Record<string, string> | undefined;
}

/**
 * Updates an assessment in place. MLflow needs the value under `feedback` or `expectation`
 * matching what the assessment already is, so it is read first (which also makes an unknown id a
 * clean not_found). The update mask is a proto3 JSON FieldMask: comma-separated lowerCamelCase
 * paths. Snake_case "assessment_name" makes the server silently ignore the whole mask.
 */
export async function updateAssessment(
  mlflow: MlflowContext,
  traceId: string,
  assessmentId: string,
  changes: AssessmentChanges,
  options: CallOptions = {},
): Promise<Assessment> {
  const current = await getAssessment(mlflow, traceId, assessmentId, options);
  const assessment: Record<string, unknown> = {};
  const paths: string[] = [];
  if (changes.name !== undefined) {
    assessment.assessment_name = changes.name;
    paths.push('assessmentName');
  }
  if (changes.value !== undefined) {
    if (current.kind !== 'feedback' && current.kind !== 'expectation') {
      throw new InvalidInputError(
        `Assessment ${assessmentId} is a ${current.kind}; its value cannot be changed.`,
        {
          field: 'value',
        },
      );
    }
    Object.assign(assessment, valueField(current.kind, changes.value));
    paths.push(current.kind);
  }
  if (changes.rationale !== undefined) {
    if (current.kind !== 'feedback') {
      throw new InvalidInputError('Only feedback has a rationale; expectations do not keep one.', {
        field: 'rationale',
        hint: 'Drop rationale, or put the note into metadata.',
      });
    }
    assessment.rationale = changes.rationale;
    paths.push('rationale');
  }
  if (changes.metadata !== undefined) {
    assessment.metadata = changes.metadata;
    paths.push('metadata');
  }
  if (paths.length === 0) {
    throw new InvalidInputError('Nothing to update: give name, value, rationale or metadata.', {
      field: 'name',
    });
  }
  const response = await withHints(
    mlflow.http.request({
      method: 'PATCH',
      path: path(traceId, assessmentId),
      body: { assessment, update_mask: paths.join(',') },
      signal: options.signal,
      schema: AssessmentResponseSchema,
      operation: 'update assessment',
    }),
    { not_found: ASSESSMENT_NOT_FOUND_HINT },
  );
  return mapAssessment(response.assessment);
}

/**
 * Deletes an assessment. MLflow answers success for ids it does not have, so the assessment is
 * read first: deleting something that is not there is a not_found, never a silent no-op.
 */
export async function deleteAssessment(
  mlflow: MlflowContext,
  traceId: string,
  assessmentId: string,
  options: CallOptions = {},
): Promise<Assessment> {
  const current = await getAssessment(mlflow, traceId, assessmentId, options);
  await mlflow.http.request({
    method: 'DELETE',
    path: path(traceId, assessmentId),
    signal: options.signal,
    schema: EmptyResponseSchema,
    operation: 'delete assessment',
  });
  return current;
}

/** The input of mlflow_log_feedback and mlflow_log_expectation, as their schemas parse it. */
export interface LogAssessmentInput {
  traceId: string;
  name: string;
  value: unknown;
  sourceType: AssessmentSourceType;
  sourceId: string;
  rationale?: string | undefined;
  spanId?: string | undefined;
  metadata?: Record<string, string> | undefined;
}

/** Logs what a log tool was given on its trace (an id or a trace ref). */
export function logAssessment(
  mlflow: MlflowContext,
  kind: NewAssessment['kind'],
  input: LogAssessmentInput,
  options: CallOptions = {},
): Promise<Assessment> {
  const { traceId, sourceType, sourceId, ...assessment } = input;
  const source = { type: sourceType, id: sourceId };
  return createAssessment(mlflow, parseTraceId(traceId), { kind, ...assessment, source }, options);
}
