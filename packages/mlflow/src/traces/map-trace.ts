import { makeRef, type TraceStatus, truncateText } from '@mlops-mcp/core';
import { mapAssessment } from '../assessments/map-assessment.js';
import { isSystemTag } from '../shared/key-values.js';
import type { TraceSummary } from './trace-model.js';
import { isoFromTimestamp, millisFromDuration } from './trace-time.js';
import type { MlflowTraceInfo } from './traces-api-types.js';

/** Trace metadata keys MLflow sets that are worth their own field. */
const SOURCE_RUN = 'mlflow.sourceRun';
const SESSION = 'mlflow.trace.session';
const USER = 'mlflow.trace.user';
const TOKEN_USAGE = 'mlflow.trace.tokenUsage';
const TRACE_NAME = 'mlflow.traceName';

export interface TraceShapeOptions {
  baseUrl: string;
  includeSystemTags: boolean;
  /** Longest request/response preview kept; 0 drops them. */
  previewChars: number;
  includeAssessments: boolean;
}

/** Maps MLflow's TraceInfoV3 `state` to the neutral trace status. */
export function mapTraceState(state: string): TraceStatus {
  switch (state) {
    case 'OK':
      return 'ok';
    case 'ERROR':
      return 'error';
    case 'IN_PROGRESS':
      return 'running';
    default:
      return 'unknown';
  }
}

/** Builds the UI link of a trace: the experiment's traces tab with the trace opened. */
export function traceUrl(baseUrl: string, experimentId: string | undefined, traceId: string) {
  if (!experimentId) return undefined;
  return `${baseUrl}/#/experiments/${encodeURIComponent(experimentId)}/traces?selectedEvaluationId=${encodeURIComponent(traceId)}`;
}

/** Maps an MLflow TraceInfoV3 to a compact trace summary (no spans). */
export function mapTraceInfo(raw: MlflowTraceInfo, options: TraceShapeOptions): TraceSummary {
  const experimentId = raw.trace_location?.mlflow_experiment?.experiment_id;
  const trace: TraceSummary = {
    ref: makeRef('mlflow', 'trace', raw.trace_id, {
      url: traceUrl(options.baseUrl, experimentId, raw.trace_id),
    }),
    id: raw.trace_id,
    status: mapTraceState(raw.state),
    rawStatus: raw.state,
  };
  const name = raw.tags[TRACE_NAME];
  if (name) trace.name = name;
  const startedAt = isoFromTimestamp(raw.request_time);
  if (startedAt) trace.startedAt = startedAt;
  const durationMs = millisFromDuration(raw.execution_duration);
  if (durationMs !== undefined) trace.durationMs = durationMs;
  if (experimentId) trace.experimentId = experimentId;
  const metadata = raw.trace_metadata;
  if (metadata[SOURCE_RUN]) trace.runId = metadata[SOURCE_RUN];
  if (raw.client_request_id) trace.clientRequestId = raw.client_request_id;
  if (metadata[SESSION]) trace.session = metadata[SESSION];
  if (metadata[USER]) trace.user = metadata[USER];
  const tokenUsage = parseTokenUsage(metadata[TOKEN_USAGE]);
  if (tokenUsage) trace.tokenUsage = tokenUsage;
  trace.tags = visible(raw.tags, options.includeSystemTags);
  const shownMetadata = visible(metadata, options.includeSystemTags);
  if (Object.keys(shownMetadata).length > 0) trace.metadata = shownMetadata;
  if (options.previewChars > 0) {
    let cut = false;
    if (raw.request_preview) {
      const preview = truncateText(raw.request_preview, options.previewChars);
      trace.requestPreview = preview.text;
      cut ||= preview.truncated;
    }
    if (raw.response_preview) {
      const preview = truncateText(raw.response_preview, options.previewChars);
      trace.responsePreview = preview.text;
      cut ||= preview.truncated;
    }
    if (cut) trace.previewTruncated = true;
  }
  if (options.includeAssessments) trace.assessments = raw.assessments.map(mapAssessment);
  return trace;
}

function visible(entries: Record<string, string>, includeSystem: boolean): Record<string, string> {
  if (includeSystem) return { ...entries };
  return Object.fromEntries(Object.entries(entries).filter(([key]) => !isSystemTag(key)));
}

/** `{"input_tokens": 12, ...}` as MLflow stores it; anything else is ignored. */
function parseTokenUsage(text: string | undefined): Record<string, number> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const usage = Object.entries(value).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    );
    return usage.length > 0 ? Object.fromEntries(usage) : undefined;
  } catch {
    return undefined;
  }
}
