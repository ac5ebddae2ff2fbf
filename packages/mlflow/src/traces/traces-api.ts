import {
  type CallOptions,
  decodeCursor,
  InvalidInputError,
  MlopsError,
  type Page,
  UnsupportedCapabilityError,
  withHints,
} from '@mlops-mcp/core';
import { MLFLOW_API_V3, type MlflowContext } from '../shared/context.js';
import { resumedPage } from '../shared/resumable-page.js';
import { type NormalizedSpan, normalizeArtifactSpan, normalizeOtelSpan } from './map-span.js';
import { mapTraceInfo, type TraceShapeOptions } from './map-trace.js';
import { TRACE_FILTER_HINT, TRACE_NOT_FOUND_HINT } from './trace-errors.js';
import type { TraceSummary } from './trace-model.js';
import {
  ArtifactTraceDataSchema,
  BatchGetTracesResponseSchema,
  GetTraceResponseSchema,
  type MlflowTraceInfo,
  SearchTracesResponseSchema,
  TraceInfoResponseSchema,
} from './traces-api-types.js';

/**
 * MLflow 3.x trace endpoints (service.proto, `/api/3.0/mlflow/traces...`): search, info, full
 * trace with spans, tags and deletion. Writes are sent once, never retried.
 */

export const V3 = `${MLFLOW_API_V3}/traces`;

/** SearchTracesV3 rejects max_results above 500 (handlers.py `_search_traces_v3`). */
export const MLFLOW_MAX_TRACE_RESULTS = 500;

/** Where `getTraceWithSpans` read the spans from; reported to the caller. */
export type SpansSource = 'traces/get' | 'traces/batchGet' | 'get-trace-artifact';

/** Trace tag values that mean the spans live in the tracking store (or its archive). */
const STORE_SPANS_LOCATIONS = new Set(['TRACKING_STORE', 'ARCHIVE_REPO']);
const SPANS_LOCATION = 'mlflow.trace.spansLocation';

/**
 * Fails fast on MLflow 2.x servers, which have no v3 trace API. An unknown version (no
 * `/version` behind some proxies) is let through: the endpoints will answer for themselves.
 */
export async function requireTraceApi(mlflow: MlflowContext, options: CallOptions = {}) {
  const version = await mlflow.serverVersion(options).catch(() => undefined);
  const major = version ? Number.parseInt(version, 10) : Number.NaN;
  if (Number.isFinite(major) && major < 3) {
    throw new UnsupportedCapabilityError(
      `MLflow ${version} has no v3 trace API; the trace and assessment tools need an MLflow 3 server.`,
      { backend: 'mlflow', hint: 'Upgrade the tracking server to MLflow 3.x.' },
    );
  }
}

export interface SearchTracesParams {
  experimentIds: string[];
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Searches trace infos (no spans) in experiments; pages resume mid-page after budget cuts. */
export async function searchTraces(
  mlflow: MlflowContext,
  params: SearchTracesParams,
  shape: Omit<TraceShapeOptions, 'baseUrl'>,
  options: CallOptions = {},
): Promise<Page<TraceSummary>> {
  if (params.experimentIds.length === 0) {
    throw new InvalidInputError('Searching traces needs at least one experiment id.', {
      field: 'experimentIds',
      hint: 'Find experiment ids with mlflow_search_experiments.',
    });
  }
  await requireTraceApi(mlflow, options);
  const { token, skip = 0 } = decodeCursor(params.cursor);
  const response = await withHints(
    mlflow.http.request({
      method: 'POST',
      path: `${V3}/search`,
      body: {
        locations: params.experimentIds.map((id) => ({
          type: 'MLFLOW_EXPERIMENT',
          mlflow_experiment: { experiment_id: id },
        })),
        filter: params.filter || undefined,
        order_by: params.orderBy?.length ? params.orderBy : undefined,
        max_results: Math.min(MLFLOW_MAX_TRACE_RESULTS, params.limit + skip),
        page_token: token,
      },
      idempotent: true,
      signal: options.signal,
      schema: SearchTracesResponseSchema,
      operation: 'search traces',
    }),
    {
      invalid_input: TRACE_FILTER_HINT,
      not_found: 'Check the experiment ids; mlflow_search_experiments lists them.',
    },
  );
  const items = response.traces
    .slice(skip)
    .map((raw) => mapTraceInfo(raw, { ...shape, baseUrl: mlflow.baseUrl }));
  return resumedPage(items, response.next_page_token, token, skip);
}

/** Fetches one trace's info (metadata, tags, previews, assessments) without its spans. */
export async function getTraceInfo(
  mlflow: MlflowContext,
  traceId: string,
  options: CallOptions = {},
): Promise<MlflowTraceInfo> {
  await requireTraceApi(mlflow, options);
  const response = await withHints(
    mlflow.http.request({
      method: 'GET',
      path: `${V3}/${encodeURIComponent(traceId)}`,
      signal: options.signal,
      schema: TraceInfoResponseSchema,
      operation: 'get trace info',
    }),
    { not_found: TRACE_NOT_FOUND_HINT },
  );
  return response.trace.trace_info;
}

export interface TraceWithSpans {
  info: MlflowTraceInfo;
  spans: NormalizedSpan[];
  source: SpansSource;
}

/**
 * Fetches a trace with all its spans the way MLflow's own client does: `traces/get` (one call,
 * partial traces allowed); on servers without that route, the info and then `traces/batchGet`
 * for store-backed spans; otherwise (or when the spans live in the artifact store) the trace-data
 * file from `get-trace-artifact`. `spansFrom: 'artifact'` forces the last path.
 */
export async function getTraceWithSpans(
  mlflow: MlflowContext,
  traceId: string,
  options: CallOptions & { spansFrom?: 'auto' | 'artifact' } = {},
): Promise<TraceWithSpans> {
  await requireTraceApi(mlflow, options);
  if (options.spansFrom === 'artifact') {
    const info = await getTraceInfo(mlflow, traceId, options);
    return {
      info,
      spans: await artifactSpans(mlflow, traceId, options),
      source: 'get-trace-artifact',
    };
  }
  try {
    const response = await withHints(
      mlflow.http.request({
        method: 'GET',
        path: `${V3}/get`,
        query: { trace_id: traceId, allow_partial: true },
        signal: options.signal,
        schema: GetTraceResponseSchema,
        operation: 'get trace',
      }),
      { not_found: TRACE_NOT_FOUND_HINT },
    );
    const { trace_info: info, spans } = response.trace;
    if (spans.length > 0 || storeBacked(info)) {
      return { info, spans: spans.map(normalizeOtelSpan), source: 'traces/get' };
    }
    // Spans written by older clients live in the artifact store, which traces/get does not read.
    return {
      info,
      spans: await artifactSpans(mlflow, traceId, options),
      source: 'get-trace-artifact',
    };
  } catch (error) {
    if (!routeMisread(error, 'get')) throw error;
  }
  const info = await getTraceInfo(mlflow, traceId, options);
  if (storeBacked(info)) {
    try {
      const response = await mlflow.http.request({
        method: 'GET',
        path: `${V3}/batchGet`,
        query: { trace_ids: [traceId] },
        signal: options.signal,
        schema: BatchGetTracesResponseSchema,
        operation: 'batch get traces',
      });
      const trace = response.traces[0];
      if (trace) {
        return { info, spans: trace.spans.map(normalizeOtelSpan), source: 'traces/batchGet' };
      }
    } catch (error) {
      if (!routeMisread(error, 'batchGet')) throw error;
    }
  }
  return {
    info,
    spans: await artifactSpans(mlflow, traceId, options),
    source: 'get-trace-artifact',
  };
}

function storeBacked(info: MlflowTraceInfo): boolean {
  return STORE_SPANS_LOCATIONS.has(info.tags[SPANS_LOCATION] ?? '');
}

/**
 * Servers older than a route match `traces/<word>` as GetTraceInfoV3 with trace id `<word>`
 * and answer "Trace with ID '<word>' not found" (the check MLflow's RestStore.get_trace makes).
 */
function routeMisread(error: unknown, word: string): boolean {
  return (
    MlopsError.isInstance(error) &&
    error.kind === 'not_found' &&
    error.message.includes(`Trace with ID '${word}' not found`)
  );
}

/** The trace-data file the MLflow UI reads (served from the store, archive or artifact repo). */
async function artifactSpans(
  mlflow: MlflowContext,
  traceId: string,
  options: CallOptions,
): Promise<NormalizedSpan[]> {
  const data = await withHints(
    mlflow.http.request({
      method: 'GET',
      path: 'ajax-api/2.0/mlflow/get-trace-artifact',
      query: { request_id: traceId },
      signal: options.signal,
      schema: ArtifactTraceDataSchema,
      operation: 'get trace data',
    }),
    { not_found: TRACE_NOT_FOUND_HINT },
  );
  return data.spans.map(normalizeArtifactSpan);
}
