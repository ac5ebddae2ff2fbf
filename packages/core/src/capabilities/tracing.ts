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

/** LLM / agent traces and their spans (MLflow traces, Weave calls). */
export interface Tracing {
  searchTraces(params: SearchTracesParams, options?: CallOptions): Promise<Page<Trace>>;
  getTrace(id: string, options?: CallOptions): Promise<Trace>;
  logFeedback?(traceId: string, feedback: TraceFeedback, options?: CallOptions): Promise<void>;
}
