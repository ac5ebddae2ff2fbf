import type { Artifact } from '../model/artifact.js';
import type { Experiment } from '../model/experiment.js';
import type { MetricSeries } from '../model/metric-series.js';
import type { Page } from '../model/page.js';
import type { Run } from '../model/run.js';
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
  /** Backend-native filter expression (MLflow: `metrics.acc > 0.9 and tags.x = 'y'`). */
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

/** Experiments, runs, metric history and artifacts (MLflow, W&B runs). */
export interface Tracking {
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
