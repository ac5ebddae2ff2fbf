import {
  ADAPTER_SPEC_VERSION,
  type BackendAdapter,
  type CallOptions,
  type Flow,
  type HttpClientOptions,
  type Logger,
  MlopsError,
  type Orchestration,
  type Page,
  probeHealth,
} from '@mlops-mcp/core';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import type { PrefectAutomationView } from './automations/automation.js';
import { getAutomation, listAutomations } from './automations/automations-api.js';
import type { PrefectEventView } from './automations/event.js';
import { type EventQuery, listEvents } from './automations/events-api.js';
import type { PrefectDeploymentView } from './deployments/deployment.js';
import { setDeploymentPaused } from './deployments/deployment-writes-api.js';
import {
  getDeployment,
  type ListDeploymentsQuery,
  listDeployments,
} from './deployments/deployments-api.js';
import type { PrefectFlowRunView } from './flow-runs/flow-run.js';
import {
  type CancelResult,
  type CreateFlowRunParams,
  cancelFlowRun,
  createFlowRun,
} from './flow-runs/flow-run-writes-api.js';
import {
  countFlowRuns,
  type FlowRunQuery,
  type FlowRunSort,
  getFlowRun,
  listFlowRuns,
  listTaskRuns,
  type TaskRunQuery,
} from './flow-runs/flow-runs-api.js';
import type { PrefectLogLine } from './flow-runs/log-line.js';
import { getFlowRunLogs, type LogQuery } from './flow-runs/logs-api.js';
import type { PrefectTaskRunView } from './flow-runs/task-run.js';
import { getFlow, type ListFlowsQuery, listFlows } from './flows/flows-api.js';
import { overview, type PrefectOverview } from './server/overview-api.js';
import { type PrefectServerInfo, serverInfo } from './server/server-info-api.js';
import { prefectAuthHeaders } from './shared/auth-headers.js';
import type { PrefectContext } from './shared/context.js';
import type { DeploymentSelector } from './shared/ids.js';
import { stateTypesFor } from './shared/map-state-type.js';
import { mapPrefectError } from './shared/prefect-errors.js';
import { PrefectHttp } from './shared/prefect-http.js';
import type { PrefectSettings } from './shared/settings.js';
import { prefectUiBase } from './shared/ui-url.js';
import type {
  PrefectBlockView,
  PrefectVariableView,
} from './variables-and-blocks/variable-and-block.js';
import { listBlocks, listVariables } from './variables-and-blocks/variables-and-blocks-api.js';
import type { PrefectConcurrencyLimitView } from './work-pools/concurrency-limit.js';
import { listConcurrencyLimits } from './work-pools/concurrency-limits-api.js';
import type { PrefectWorkPoolView } from './work-pools/work-pool.js';
import { getWorkPool, listWorkPools } from './work-pools/work-pools-api.js';

export interface PrefectAdapterOptions {
  dispatcher?: Dispatcher;
  logger?: Logger;
  timeouts?: HttpClientOptions['timeouts'];
  retry?: HttpClientOptions['retry'];
}

/** The Prefect adapter: the neutral Orchestration capability plus Prefect-native methods. */
export interface PrefectAdapter extends BackendAdapter {
  readonly backend: 'prefect';
  readonly capabilities: { orchestration: Orchestration };
  /** The Prefect UI address matching the API URL. */
  readonly uiUrl: string;
  /** The adapter's HTTP client (keep-alive pool, retries for reads, Prefect errors, CSRF). */
  readonly http: PrefectHttp;
  serverInfo(options?: CallOptions): Promise<PrefectServerInfo>;
  /** Server version from GET /admin/version, fetched once and cached. */
  serverVersion(options?: CallOptions): Promise<string>;
  listFlows(query: ListFlowsQuery, options?: CallOptions): Promise<Page<Flow>>;
  getFlow(id: string, options?: CallOptions): Promise<Flow>;
  listDeployments(
    query: ListDeploymentsQuery,
    options?: CallOptions,
  ): Promise<Page<PrefectDeploymentView>>;
  getDeployment(
    selector: DeploymentSelector,
    options?: CallOptions,
  ): Promise<PrefectDeploymentView>;
  listFlowRuns(
    query: FlowRunQuery & {
      sort?: FlowRunSort | undefined;
      limit: number;
      cursor?: string | undefined;
    },
    options?: CallOptions,
  ): Promise<Page<PrefectFlowRunView>>;
  countFlowRuns(query: FlowRunQuery, options?: CallOptions): Promise<number>;
  getFlowRun(id: string, options?: CallOptions): Promise<PrefectFlowRunView>;
  listTaskRuns(query: TaskRunQuery, options?: CallOptions): Promise<Page<PrefectTaskRunView>>;
  getFlowRunLogs(query: LogQuery, options?: CallOptions): Promise<Page<PrefectLogLine>>;
  listWorkPools(options?: CallOptions): Promise<PrefectWorkPoolView[]>;
  getWorkPool(name: string, options?: CallOptions): Promise<PrefectWorkPoolView>;
  listConcurrencyLimits(options?: CallOptions): Promise<PrefectConcurrencyLimitView[]>;
  listAutomations(options?: CallOptions): Promise<PrefectAutomationView[]>;
  getAutomation(id: string, options?: CallOptions): Promise<PrefectAutomationView>;
  listEvents(query: EventQuery, options?: CallOptions): Promise<Page<PrefectEventView>>;
  listVariables(
    query: { nameLike?: string | undefined; limit: number },
    options?: CallOptions,
  ): Promise<PrefectVariableView[]>;
  listBlocks(
    query: { nameLike?: string | undefined; limit: number },
    options?: CallOptions,
  ): Promise<PrefectBlockView[]>;
  overview(
    window: { since: string; until: string },
    options?: CallOptions,
  ): Promise<PrefectOverview>;
  createFlowRun(params: CreateFlowRunParams, options?: CallOptions): Promise<PrefectFlowRunView>;
  cancelFlowRun(id: string, message: string, options?: CallOptions): Promise<CancelResult>;
  pauseDeployment(id: string, options?: CallOptions): Promise<void>;
  resumeDeployment(id: string, options?: CallOptions): Promise<void>;
}

/**
 * Creates an adapter for one Prefect API (self-hosted server or Cloud workspace). Cheap: no
 * request is sent until a method is called, so a server may build one per HTTP request.
 */
export function createPrefectAdapter(
  settings: PrefectSettings,
  options: PrefectAdapterOptions = {},
): PrefectAdapter {
  const http = new PrefectHttp({
    backend: 'prefect',
    baseUrl: settings.apiUrl,
    urlSetting:
      settings.source === 'profile'
        ? `PREFECT_API_URL (of Prefect profile "${settings.profile ?? 'active'}")`
        : 'PREFECT_API_URL',
    headers: prefectAuthHeaders(settings),
    mapError: mapPrefectError,
    // Prefect's own 503 (server/api/server.py, is_client_retryable_exception) means its database
    // was busy and nothing was written; its client retries every method on it. A 503 from
    // anything in front of Prefect has another body and stays final for a write.
    writeUnapplied: (failure) =>
      failure.status === 503 &&
      (failure.json as { exception_message?: unknown } | null)?.exception_message ===
        'Service Unavailable',
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const uiUrl = prefectUiBase(http.baseUrl);
  const ctx: PrefectContext = { http, uiBase: uiUrl };
  const auth = settings.authString ? 'basic' : settings.apiKey ? 'api-key' : 'none';
  let versionPromise: Promise<string> | undefined;

  const adapter: PrefectAdapter = {
    specVersion: ADAPTER_SPEC_VERSION,
    backend: 'prefect',
    baseUrl: http.baseUrl,
    uiUrl,
    http,
    serverInfo: (opts) =>
      serverInfo(ctx, { auth, uiUrl, version: () => adapter.serverVersion(opts) }, opts),
    serverVersion(opts) {
      versionPromise ??= http
        .request({
          method: 'GET',
          path: 'admin/version',
          signal: opts?.signal,
          schema: z.string(),
          operation: 'get version',
        })
        .catch((error: unknown) => {
          versionPromise = undefined;
          throw error;
        });
      return versionPromise;
    },
    listFlows: (query, opts) => listFlows(ctx, query, opts),
    getFlow: (id, opts) => getFlow(ctx, id, opts),
    listDeployments: (query, opts) => listDeployments(ctx, query, opts),
    getDeployment: (selector, opts) => getDeployment(ctx, selector, opts),
    listFlowRuns: (query, opts) => listFlowRuns(ctx, query, opts),
    countFlowRuns: (query, opts) => countFlowRuns(ctx, query, opts),
    getFlowRun: (id, opts) => getFlowRun(ctx, id, opts),
    listTaskRuns: (query, opts) => listTaskRuns(ctx, query, opts),
    getFlowRunLogs: (query, opts) => getFlowRunLogs(ctx, query, opts),
    listWorkPools: (opts) => listWorkPools(ctx, opts),
    getWorkPool: (name, opts) => getWorkPool(ctx, name, opts),
    listConcurrencyLimits: (opts) => listConcurrencyLimits(ctx, opts),
    listAutomations: (opts) => listAutomations(ctx, opts),
    getAutomation: (id, opts) => getAutomation(ctx, id, opts),
    listEvents: (query, opts) => listEvents(ctx, query, opts),
    listVariables: (query, opts) => listVariables(ctx, query, opts),
    listBlocks: (query, opts) => listBlocks(ctx, query, opts),
    overview: (window, opts) => overview(ctx, window, opts),
    createFlowRun: (params, opts) => createFlowRun(ctx, params, opts),
    cancelFlowRun: (id, message, opts) => cancelFlowRun(ctx, id, message, opts),
    pauseDeployment: (id, opts) => setDeploymentPaused(ctx, id, true, opts),
    resumeDeployment: (id, opts) => setDeploymentPaused(ctx, id, false, opts),
    capabilities: {
      orchestration: {
        listFlows: (params, opts) => listFlows(ctx, params, opts),
        listDeployments: (params, opts) =>
          listDeployments(
            ctx,
            { ...params, flowIds: params.flowId ? [params.flowId] : undefined },
            opts,
          ),
        listFlowRuns: async (params, opts) => {
          const stateTypes = params.statuses?.length ? stateTypesFor(params.statuses) : undefined;
          // Only 'unknown' asked for: no Prefect state type matches, and an empty any_ would match all.
          if (stateTypes?.length === 0) return { items: [] };
          return listFlowRuns(
            ctx,
            {
              stateTypes,
              flows: params.flowId ? [params.flowId] : undefined,
              deploymentIds: params.deploymentId ? [params.deploymentId] : undefined,
              since: params.since,
              until: params.until,
              tags: params.tags,
              limit: params.limit,
              cursor: params.cursor,
            },
            opts,
          );
        },
        getFlowRun: (id, opts) => getFlowRun(ctx, id, opts),
      },
    },
    checkHealth: (opts) =>
      probeHealth(async () => {
        try {
          // Uncached: a health probe must reach the server every time.
          return await http.request({
            method: 'GET',
            path: 'admin/version',
            signal: opts?.signal,
            schema: z.string(),
            operation: 'get version',
          });
        } catch (error) {
          if (!MlopsError.isInstance(error) || error.kind !== 'not_found') throw error;
          // Prefect Cloud has no /admin routes; an authenticated count proves access instead.
          await http.request({
            method: 'POST',
            path: 'flows/count',
            body: {},
            idempotent: true,
            signal: opts?.signal,
            schema: z.number(),
            operation: 'count flows',
          });
          return 'unknown';
        }
      }),
    close: () => http.close(),
  };
  return adapter;
}
