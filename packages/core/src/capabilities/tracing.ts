import type { Page } from '../model/page.js';
import type { Trace } from '../model/trace.js';
import type { CallOptions } from './call-options.js';

export interface SearchTracesParams {
  /** MLflow experiment ids or a W&B `entity/project`. */
  scopes: string[];
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Feedback attached to a trace (MLflow assessment, Weave feedback). */
export interface TraceFeedback {
  name: string;
  value: unknown;
  rationale?: string | undefined;
  source?: string | undefined;
}

/** A backend-neutral trace query; each backend translates it to its own filter language. */
export interface TraceQuery {
  /** Only traces of this status. */
  status?: 'error' | 'ok' | undefined;
  /** Started after this instant. */
  since: Date;
  /** Scope (experiment/project) name fragment; absent: the backend's default coverage. */
  experiment?: string | undefined;
  /** How many traces to read per search, newest first. */
  limit: number;
  /**
   * The tracking scopes (ids) whose name contains a fragment, listed by the caller once per call
   * and shared with its run searches; empty when the backend has no tracking.
   */
  trackingScopes(fragment: string | undefined): Promise<readonly string[]>;
}

/** What a trace query found, and a way to see what its window hid. */
export interface TraceQueryResult {
  /** Matching traces inside the window, newest first. */
  traces: Trace[];
  /** The newest matching trace from before the window (at most one bounded look back). */
  olderThanWindow(): Promise<Trace | undefined>;
}

/** LLM / agent traces and their spans (MLflow traces, Weave calls). */
export interface Tracing {
  /** Traces matching a neutral query, over the scopes it names. */
  queryTraces(query: TraceQuery, options?: CallOptions): Promise<TraceQueryResult>;
  searchTraces(params: SearchTracesParams, options?: CallOptions): Promise<Page<Trace>>;
  getTrace(id: string, options?: CallOptions): Promise<Trace>;
  logFeedback?(traceId: string, feedback: TraceFeedback, options?: CallOptions): Promise<void>;
}
