import type {
  BackendAdapter,
  CallOptions,
  HttpClient,
  HttpClientOptions,
  Logger,
  Tracing,
} from '@mlops-mcp/core';
import type { JsonLinesStats } from './jsonl-stream.js';
import type {
  CallsQueryReq,
  CallsQueryStatsReq,
  CallsQueryStatsRes,
  FeedbackCreateReq,
  FeedbackCreateRes,
  FeedbackQueryReq,
  ObjQueryReq,
  WireCall,
  WireFeedback,
  WireObj,
} from './weave-api-types.js';
import type { ProjectChoice, WeaveProject } from './weave-ids.js';

/*
 * The Weave client's shape, apart from its implementation (weave-client.ts), so the area code
 * that takes a client (call-search, trace-tree, weave-tracing) never imports the file that
 * builds one: that import ran in a circle.
 */

export interface WeaveClientOptions {
  dispatcher?: HttpClientOptions['dispatcher'];
  logger?: Logger;
  timeouts?: HttpClientOptions['timeouts'];
  retry?: HttpClientOptions['retry'];
}

/** How to read a calls stream: how many rows at most, and a per-row veto that stops reading. */
export interface CallStreamOptions extends CallOptions {
  maxRows: number;
  /** Return false to stop reading (that call is dropped and the rest is never downloaded). */
  accept?: (call: WireCall, kept: number) => boolean;
}

/** Counters of a calls stream, so callers (and tests) can see it was cut short. */
export type CallStreamStats = JsonLinesStats;

/**
 * The Weave (traces) side of W&B: the trace server's REST API with W&B's basic auth, the
 * neutral Tracing capability, and the raw calls the Weave tools build on.
 */
export interface WeaveClient extends BackendAdapter {
  readonly backend: 'wandb';
  readonly capabilities: { tracing: Tracing };
  /** Keep-alive HTTP client for the trace server (retries reads, maps errors, redacts the key). */
  readonly http: HttpClient;
  /** WANDB_ENTITY/WANDB_PROJECT when both are set. */
  readonly defaultProject: WeaveProject | undefined;
  /** Counters of the most recent calls stream. */
  readonly lastStream: CallStreamStats | undefined;
  /**
   * The project to use: `project` as `entity/project`, else `entity` and `project` each from the
   * input or the defaults; an InvalidInputError naming what is missing.
   */
  project(given?: ProjectChoice): WeaveProject;
  /** POST /calls/stream_query, read as JSON lines and stopped as soon as enough is read. */
  streamCalls(
    req: CallsQueryReq,
    options: CallStreamOptions,
  ): Promise<{ calls: WireCall[] } & CallStreamStats>;
  /** POST /call/read; a NotFoundError when the project has no such call. */
  readCall(
    project: WeaveProject,
    id: string,
    options?: CallOptions & { includeCosts?: boolean },
  ): Promise<WireCall>;
  /** POST /calls/query_stats: how many calls match. */
  callStats(req: CallsQueryStatsReq, options?: CallOptions): Promise<CallsQueryStatsRes>;
  /** POST /feedback/query. */
  queryFeedback(req: FeedbackQueryReq, options?: CallOptions): Promise<WireFeedback[]>;
  /** POST /feedback/create (a write; sent once, never retried). */
  createFeedback(req: FeedbackCreateReq, options?: CallOptions): Promise<FeedbackCreateRes>;
  /** POST /objs/query. */
  queryObjects(req: ObjQueryReq, options?: CallOptions): Promise<WireObj[]>;
  /** POST /obj/read: `digest` may be a digest, `latest` or `v<index>`. */
  readObject(
    project: WeaveProject,
    name: string,
    digest: string,
    options?: CallOptions,
  ): Promise<WireObj>;
  /** The trace server's version from GET /server_info, fetched once and cached. */
  serverVersion(options?: CallOptions): Promise<string>;
}
