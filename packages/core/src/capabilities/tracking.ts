import type { Artifact } from '../model/artifact.js';
import type { Experiment } from '../model/experiment.js';
import type { MetricSeries } from '../model/metric-series.js';
import type { Page } from '../model/page.js';
import type { Run } from '../model/run.js';
import type { RunStatus } from '../model/status.js';
import type { CallOptions } from './call-options.js';

export interface SearchExperimentsParams {
  /** Backend-native filter expression (MLflow: `name LIKE 'llama%'`). */
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
  includeDeleted?: boolean | undefined;
}

export interface SearchRunsParams {
  experimentIds: string[];
  /**
   * Backend-native filter expression (MLflow: `metrics.acc > 0.9 and tags.x = 'y'`), for callers
   * that know the backend; cross-backend callers use the neutral `queryRuns`.
   */
  filter?: string | undefined;
  /** Each entry a backend-native order clause, e.g. `metrics.acc DESC`. */
  orderBy?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
  includeDeleted?: boolean | undefined;
}

export interface MetricHistoryParams {
  runId: string;
  key: string;
  /** Upper bound on points returned; longer series are downsampled keeping extremes and last. */
  maxPoints: number;
}

/**
 * A backend-neutral run query; each backend translates it to its own filter language. Every
 * condition given must hold (and); runs come back matching all of them.
 */
export interface RunQuery {
  /** Any of these neutral statuses. */
  status?: readonly Extract<RunStatus, 'running' | 'finished' | 'failed' | 'killed'>[] | undefined;
  /** Started at or after this instant. */
  since?: Date | undefined;
  /** Started before this instant (a probe for what a window hid). */
  before?: Date | undefined;
  /** A recorded key equals a value (MLflow tag, W&B config key). */
  tag?: { key: string; value: string } | undefined;
  /** A metric (latest / summary value) compares to a number. */
  metric?: { key: string; op: '>' | '>=' | '<' | '<='; value: number } | undefined;
  /** Ranked by a metric, the direction already resolved; default newest first. */
  orderBy?: { metric: string; direction: 'asc' | 'desc' } | undefined;
}

/** The scopes (experiments, projects) a cross-backend search covers. */
export interface ScopeList {
  /** Scope ids, as `queryRuns` and trace queries take them. */
  ids: string[];
  /** True when more matched than are listed (the backend's per-search cap). */
  capped: boolean;
}

/** A run that recorded a key, and how (e.g. "MLflow tag prefect.flow_run_id"). */
export interface RecordingRun {
  run: Run;
  via: string;
}

/** Experiments, runs, metric history and artifacts (MLflow, W&B runs). */
export interface Tracking {
  /** What this backend calls a scope of runs, singular: "experiment", "project". */
  readonly scopeNoun: string;
  /** The scopes whose name contains `fragment` (all without one), capped per backend. */
  listScopes(fragment: string | undefined, options?: CallOptions): Promise<ScopeList>;
  /** Runs of `scopes` (ids from listScopes) matching a neutral query, at most `limit` per search. */
  queryRuns(
    scopes: readonly string[],
    query: RunQuery,
    limit: number,
    options?: CallOptions,
  ): Promise<Run[]>;
  /** Runs of `scopes` that recorded `key` = `value` (as a tag, param or config key). */
  runsRecording(
    scopes: readonly string[],
    key: string,
    value: string,
    options?: CallOptions,
  ): Promise<RecordingRun[]>;
  searchExperiments(
    params: SearchExperimentsParams,
    options?: CallOptions,
  ): Promise<Page<Experiment>>;
  getExperiment(id: string, options?: CallOptions): Promise<Experiment>;
  searchRuns(params: SearchRunsParams, options?: CallOptions): Promise<Page<Run>>;
  getRun(id: string, options?: CallOptions): Promise<Run>;
  /**
   * The experiment the user configured as the default (W&B: WANDB_PROJECT, as
   * "<entity>/<project>"), which cross-backend searches still cover when listing experiments
   * fails; undefined when none is configured.
   */
  defaultExperimentId?(options?: CallOptions): Promise<string | undefined>;
  getMetricHistory?(params: MetricHistoryParams, options?: CallOptions): Promise<MetricSeries>;
  listArtifacts?(
    runId: string,
    path: string | undefined,
    options?: CallOptions,
  ): Promise<Page<Artifact>>;
}
