import type { Assessment } from '../traces/trace-model.js';
import { isoFromTimestamp } from '../traces/trace-time.js';
import type { MlflowAssessment } from './assessments-api-types.js';

/** Maps an MLflow assessment (feedback, expectation or issue reference) to its compact form. */
export function mapAssessment(raw: MlflowAssessment): Assessment {
  const out: Assessment = {
    id: raw.assessment_id,
    name: raw.assessment_name,
    kind: 'unknown',
    source: { type: raw.source?.source_type ?? 'SOURCE_TYPE_UNSPECIFIED' },
  };
  if (raw.trace_id) out.traceId = raw.trace_id;
  if (raw.source?.source_id) out.source.id = raw.source.source_id;
  if (raw.feedback) {
    out.kind = 'feedback';
    if (raw.feedback.value !== undefined) out.value = raw.feedback.value;
    const error = raw.feedback.error ?? raw.error;
    if (error) out.error = [error.error_code, error.error_message].filter(Boolean).join(': ');
  } else if (raw.expectation) {
    out.kind = 'expectation';
    out.value = expectationValue(raw.expectation);
  } else if (raw.issue) {
    out.kind = 'issue';
    if (raw.issue.issue_name) out.value = raw.issue.issue_name;
  }
  if (raw.rationale) out.rationale = raw.rationale;
  if (raw.span_id) out.spanId = raw.span_id;
  const createdAt = isoFromTimestamp(raw.create_time);
  if (createdAt) out.createdAt = createdAt;
  const updatedAt = isoFromTimestamp(raw.last_update_time);
  if (updatedAt && updatedAt !== createdAt) out.updatedAt = updatedAt;
  if (Object.keys(raw.metadata).length > 0) out.metadata = raw.metadata;
  // Only the exception is worth a field: every live assessment is valid.
  if (raw.valid === false) out.valid = false;
  if (raw.overrides) out.overrides = raw.overrides;
  return out;
}

/** Expectations hold objects and lists JSON-encoded in `serialized_value`; decode them. */
function expectationValue(expectation: NonNullable<MlflowAssessment['expectation']>): unknown {
  const serialized = expectation.serialized_value;
  if (serialized?.value !== undefined) {
    try {
      return JSON.parse(serialized.value) as unknown;
    } catch {
      return serialized.value;
    }
  }
  return expectation.value;
}
