import {
  ADAPTER_SPEC_VERSION,
  type BackendAdapter,
  type CallOptions,
  type Experiment,
  type HttpClient,
  InvalidInputError,
  type Page,
  probeHealth,
  type Registry,
  type Run,
  type SearchExperimentsParams,
  type SearchRunsParams,
  type Tracing,
  type Tracking,
} from '@mlops-mcp/core';
import { listArtifacts } from './artifacts/artifacts-api.js';
import { mapExperiment } from './experiments/map-experiment.js';
import { getMetricHistory } from './metrics/metrics-api.js';
import { createMlflowRegistry } from './registry/registry-capability.js';
import { mapRun } from './runs/map-run.js';
import { mlflowRunQueries } from './runs/neutral-query.js';
import { getRun } from './runs/runs-api.js';
import {
  EmptyResponseSchema,
  GetExperimentResponseSchema,
  SearchExperimentsResponseSchema,
  SearchRunsResponseSchema,
} from './shared/api-types.js';
import {
  MLFLOW_API as API,
  createMlflowContext,
  type MlflowAdapterOptions,
  type MlflowContext,
  type MlflowReadOptions,
} from './shared/context.js';
import { fetchResumablePage } from './shared/resumable-page.js';
import type { MlflowSettings } from './shared/settings.js';
import { createMlflowTracing } from './traces/trace-capability.js';

/** MLflow's server-side cap on runs/search max_results. */
export const MLFLOW_MAX_RESULTS = 50_000;

export type { MlflowAdapterOptions, MlflowReadOptions };

/** The MLflow adapter: the neutral Tracking capability plus MLflow-native methods. */
export interface MlflowAdapter extends BackendAdapter, MlflowContext {
  readonly backend: 'mlflow';
  readonly capabilities: { tracking: Tracking; tracing: Tracing; registry: Registry };
  searchExperiments(
    params: SearchExperimentsParams,
    options?: MlflowReadOptions,
  ): Promise<Page<Experiment>>;
  getExperiment(id: string, options?: MlflowReadOptions): Promise<Experiment>;
  searchRuns(params: SearchRunsParams, options?: MlflowReadOptions): Promise<Page<Run>>;
  getRun(id: string, options?: MlflowReadOptions): Promise<Run>;
  /** Ids of every active experiment (for searches the user did not scope), up to `cap`. */
  listExperimentIds(cap: number, options?: CallOptions): Promise<string[]>;
  setRunTag(runId: string, key: string, value: string, options?: CallOptions): Promise<void>;
  /**
   * The adapter's HTTP client (keep-alive pool, retries, MLflow error mapping). Area functions
   * take it through MlflowContext; paths are relative to the tracking URI.
   */
  readonly http: HttpClient;
}

/** Creates an adapter for one MLflow tracking server. */
export function createMlflowAdapter(
  settings: MlflowSettings,
  options: MlflowAdapterOptions = {},
): MlflowAdapter {
  const context = createMlflowContext(settings, options);
  const { http, baseUrl } = context;
  const shape = (opts?: MlflowReadOptions) => ({
    baseUrl,
    includeSystemTags: opts?.includeSystemTags ?? false,
  });

  const adapter: MlflowAdapter = {
    specVersion: ADAPTER_SPEC_VERSION,
    backend: 'mlflow',
    baseUrl,

    async searchExperiments(params, opts) {
      return fetchResumablePage({
        cursor: params.cursor,
        limit: params.limit,
        serverMax: Number.POSITIVE_INFINITY,
        fetch: async (token, maxResults) => {
          const response = await http.request({
            method: 'POST',
            path: `${API}/experiments/search`,
            body: {
              max_results: maxResults,
              filter: params.filter || undefined,
              order_by: params.orderBy?.length ? params.orderBy : undefined,
              page_token: token,
              view_type: params.includeDeleted ? 'ALL' : 'ACTIVE_ONLY',
            },
            idempotent: true,
            signal: opts?.signal,
            schema: SearchExperimentsResponseSchema,
            operation: 'search experiments',
          });
          return { items: response.experiments, nextToken: response.next_page_token };
        },
        map: (raw) => mapExperiment(raw, shape(opts)),
      });
    },

    async getExperiment(id, opts) {
      const response = await http.request({
        method: 'GET',
        path: `${API}/experiments/get`,
        query: { experiment_id: id },
        signal: opts?.signal,
        schema: GetExperimentResponseSchema,
        operation: 'get experiment',
      });
      return mapExperiment(response.experiment, shape(opts));
    },

    async searchRuns(params, opts) {
      if (params.experimentIds.length === 0) {
        throw new InvalidInputError('Searching runs needs at least one experiment id.', {
          field: 'experimentIds',
        });
      }
      return fetchResumablePage({
        cursor: params.cursor,
        limit: params.limit,
        serverMax: MLFLOW_MAX_RESULTS,
        fetch: async (token, maxResults) => {
          const response = await http.request({
            method: 'POST',
            path: `${API}/runs/search`,
            body: {
              experiment_ids: params.experimentIds,
              filter: params.filter || undefined,
              order_by: params.orderBy?.length ? params.orderBy : undefined,
              max_results: maxResults,
              page_token: token,
              run_view_type: params.includeDeleted ? 'ALL' : 'ACTIVE_ONLY',
            },
            idempotent: true,
            signal: opts?.signal,
            schema: SearchRunsResponseSchema,
            operation: 'search runs',
          });
          return { items: response.runs, nextToken: response.next_page_token };
        },
        map: (raw) => mapRun(raw, shape(opts)),
      });
    },

    getRun: (id, opts) => getRun(context, id, opts),

    async listExperimentIds(cap, opts) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await adapter.searchExperiments(
          { limit: Math.min(1000, cap - ids.length), cursor },
          opts,
        );
        ids.push(...page.items.map((experiment) => experiment.id));
        cursor = page.nextCursor;
      } while (cursor && ids.length < cap);
      return ids;
    },

    async setRunTag(runId, key, value, opts) {
      await http.request({
        method: 'POST',
        path: `${API}/runs/set-tag`,
        body: { run_id: runId, key, value },
        signal: opts?.signal,
        schema: EmptyResponseSchema,
        operation: 'set run tag',
      });
    },

    serverVersion: (opts) => context.serverVersion(opts),

    http,

    checkHealth: (opts) => probeHealth(() => adapter.serverVersion(opts)),

    capabilities: {
      tracking: {
        searchExperiments: (params, opts) => adapter.searchExperiments(params, opts),
        getExperiment: (id, opts) => adapter.getExperiment(id, opts),
        searchRuns: (params, opts) => adapter.searchRuns(params, opts),
        getRun: (id, opts) => adapter.getRun(id, opts),
        ...mlflowRunQueries({
          searchExperiments: (params, opts) => adapter.searchExperiments(params, opts),
          searchRuns: (params, opts) => adapter.searchRuns(params, opts),
        }),
        getMetricHistory: (params, opts) => getMetricHistory(context, params, opts),
        listArtifacts: (runId, path, opts) => listArtifacts(context, runId, path, opts),
      },
      // Area capabilities use the adapter only at call time, so they are attached right below.
      tracing: undefined as unknown as Tracing,
      registry: undefined as unknown as Registry,
    },

    close: () => http.close(),
  };
  adapter.capabilities.tracing = createMlflowTracing(context);
  adapter.capabilities.registry = createMlflowRegistry(context);
  return adapter;
}
