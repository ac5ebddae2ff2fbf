import {
  ADAPTER_SPEC_VERSION,
  type BackendAdapter,
  type CallOptions,
  type Experiment,
  HttpClient,
  type HttpClientOptions,
  InvalidInputError,
  type Logger,
  type MetricSeries,
  type Page,
  probeHealth,
  type Registry,
  type Run,
  type Tracing,
  type Tracking,
} from '@mlops-mcp/core';
import {
  getArtifact,
  listArtifactTypes,
  listArtifactVersions,
  listRunArtifacts,
} from './artifacts/artifacts-api.js';
import { WandbGraphqlClient } from './graphql/graphql-client.js';
import { mapWandbHttpFailure } from './graphql/graphql-errors.js';
import { getMetricHistories, getSystemMetrics } from './history/history-api.js';
import { toExperiment } from './projects/map-project.js';
import { getProject, listProjects } from './projects/projects-api.js';
import { fetchViewer } from './projects/viewer-api.js';
import type { WandbViewer } from './projects/wandb-viewer.js';
import { listRegistry } from './registry/registry-api.js';
import { createWandbRegistry } from './registry/registry-capability.js';
import { createReport, getReport, listReports } from './reports/reports-api.js';
import { listRunFiles } from './runs/files-api.js';
import { wandbLocalId } from './runs/local-id.js';
import { toNeutralRun } from './runs/map-neutral-run.js';
import { wandbRunQueries } from './runs/neutral-query.js';
import { parseRunPath } from './runs/run-path.js';
import { getRun, searchRuns } from './runs/runs-api.js';
import { updateRun } from './runs/update-run-api.js';
import { wandbAppUrl } from './shared/app-url.js';
import { wandbBasicAuthHeader } from './shared/auth-header.js';
import { resolveProject, resolveRun, type WandbContext } from './shared/context.js';
import type { WandbSettings } from './shared/settings.js';
import { getSweep, listSweeps } from './sweeps/sweeps-api.js';
import { createWeaveClient, type WeaveClient } from './weave/index.js';
import { weaveTraceQuery } from './weave/neutral-traces.js';

/** Options for {@link createWandbAdapter}. */
export interface WandbAdapterOptions {
  /** Inject a dispatcher (e.g. undici MockAgent) instead of the client's own keep-alive pool. */
  dispatcher?: HttpClientOptions['dispatcher'];
  logger?: Logger;
  timeouts?: HttpClientOptions['timeouts'];
  retry?: HttpClientOptions['retry'];
}

/** The area functions, bound to one adapter: `adapter.runs.search(params)` and so on. */
type Bound<F> = F extends (ctx: WandbContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/**
 * The W&B adapter: the neutral Tracking capability (projects as experiments, runs, metric
 * history) plus W&B-native reads and writes over W&B's GraphQL API; Tracing comes from the Weave
 * trace-server client it holds (`weave`).
 */
export interface WandbAdapter extends BackendAdapter {
  readonly backend: 'wandb';
  readonly capabilities: { tracking: Tracking; tracing: Tracing; registry: Registry };
  /** The Weave (traces) client on the same settings; the Weave tools run against it. */
  readonly weave: WeaveClient;
  /** The W&B web app URL (links in results point there). */
  readonly appUrl: string;
  /** The adapter's HTTP client (keep-alive pool, retries, W&B error mapping). */
  readonly http: HttpClient;
  /** The GraphQL client that sends the adapter's fixed documents. */
  readonly graphql: WandbGraphqlClient;
  /** Defaults and lookups the area functions share. */
  readonly context: WandbContext;
  /** Who the API key belongs to (fetched once and cached). */
  viewer(options?: CallOptions): Promise<WandbViewer>;
  resolveProject: Bound<typeof resolveProject>;
  resolveRun: Bound<typeof resolveRun>;
  listProjects: Bound<typeof listProjects>;
  getProject: Bound<typeof getProject>;
  searchWandbRuns: Bound<typeof searchRuns>;
  getWandbRun: Bound<typeof getRun>;
  getMetricHistories: Bound<typeof getMetricHistories>;
  getSystemMetrics: Bound<typeof getSystemMetrics>;
  listRunFiles: Bound<typeof listRunFiles>;
  listRunArtifacts: Bound<typeof listRunArtifacts>;
  listArtifactTypes: Bound<typeof listArtifactTypes>;
  listArtifactVersions: Bound<typeof listArtifactVersions>;
  getArtifact: Bound<typeof getArtifact>;
  listRegistry: Bound<typeof listRegistry>;
  listSweeps: Bound<typeof listSweeps>;
  getSweep: Bound<typeof getSweep>;
  listReports: Bound<typeof listReports>;
  getReport: Bound<typeof getReport>;
  updateRun: Bound<typeof updateRun>;
  createReport: Bound<typeof createReport>;
}

/** Creates an adapter for one W&B server (cloud, dedicated or self-managed). */
export function createWandbAdapter(
  settings: WandbSettings,
  options: WandbAdapterOptions = {},
): WandbAdapter {
  const http = new HttpClient({
    backend: 'wandb',
    baseUrl: settings.baseUrl,
    urlSetting: 'WANDB_BASE_URL',
    headers: { authorization: wandbBasicAuthHeader(settings) },
    mapError: mapWandbHttpFailure,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const graphql = new WandbGraphqlClient(http, graphqlPath(settings));
  const weave = createWeaveClient(settings, options);
  const baseUrl = http.baseUrl;
  const appUrl = wandbAppUrl(baseUrl);
  let viewerPromise: Promise<WandbViewer> | undefined;
  const viewer = (opts?: CallOptions): Promise<WandbViewer> => {
    viewerPromise ??= fetchViewer(graphql, { baseUrl, appUrl }, opts).catch((error: unknown) => {
      viewerPromise = undefined;
      throw error;
    });
    return viewerPromise;
  };
  const context: WandbContext = {
    graphql,
    appUrl,
    defaultProject: settings.project,
    async defaultEntity(opts) {
      if (settings.entity) return settings.entity;
      const me = await viewer(opts);
      const entity = me.defaultEntity ?? me.username;
      if (!entity) {
        throw new InvalidInputError('W&B reports no default entity for this key; pass `entity`.', {
          backend: 'wandb',
          field: 'entity',
          hint: 'wandb_get_viewer lists your teams; or set WANDB_ENTITY.',
        });
      }
      return entity;
    },
  };
  const bind =
    <A extends unknown[], R>(fn: (ctx: WandbContext, ...args: A) => R) =>
    (...args: A): R =>
      fn(context, ...args);

  const tracking = neutralTracking(context);
  const weaveTracing = weave.capabilities.tracing;
  const adapter: WandbAdapter = {
    specVersion: ADAPTER_SPEC_VERSION,
    backend: 'wandb',
    baseUrl,
    appUrl,
    http,
    graphql,
    weave,
    context,
    viewer,
    resolveProject: bind(resolveProject),
    resolveRun: bind(resolveRun),
    listProjects: bind(listProjects),
    getProject: bind(getProject),
    searchWandbRuns: bind(searchRuns),
    getWandbRun: bind(getRun),
    getMetricHistories: bind(getMetricHistories),
    getSystemMetrics: bind(getSystemMetrics),
    listRunFiles: bind(listRunFiles),
    listRunArtifacts: bind(listRunArtifacts),
    listArtifactTypes: bind(listArtifactTypes),
    listArtifactVersions: bind(listArtifactVersions),
    getArtifact: bind(getArtifact),
    listRegistry: bind(listRegistry),
    listSweeps: bind(listSweeps),
    getSweep: bind(getSweep),
    listReports: bind(listReports),
    getReport: bind(getReport),
    updateRun: bind(updateRun),
    createReport: bind(createReport),
    // The viewer query is W&B's cheapest authenticated call; the server version is not exposed to
    // ordinary keys, so the probe reports the viewer instead.
    checkHealth: (opts) =>
      probeHealth(async () => {
        const me = await fetchViewer(graphql, { baseUrl, appUrl }, opts);
        return `W&B GraphQL (viewer ${me.username ?? 'unknown'})`;
      }),
    capabilities: {
      tracking,
      tracing: {
        ...weaveTracing,
        ...weaveTraceQuery(weaveTracing, (opts) => tracking.defaultExperimentId!(opts)),
      },
      registry: createWandbRegistry(context),
    },
    localId: wandbLocalId,
    close: async () => {
      await Promise.all([http.close(), weave.close()]);
    },
  };
  return adapter;
}

/** The GraphQL path relative to the base URL (settings carry the full URL). */
function graphqlPath(settings: WandbSettings): string {
  const base = settings.baseUrl.replace(/\/+$/, '');
  return settings.graphqlUrl.startsWith(`${base}/`)
    ? settings.graphqlUrl.slice(base.length + 1)
    : 'graphql';
}

/**
 * The neutral Tracking capability: experiments are the default entity's projects (id
 * "<entity>/<project>"; an experiment `filter` is a substring of the name, applied per page, since
 * W&B's project list takes no name filter), runs are addressed "<entity>/<project>/<runId>", run
 * filters are W&B's JSON filters and orderBy[0] a W&B order string. A run search covers one
 * project, as W&B's run query does.
 */
type WandbTracking = Tracking & {
  defaultExperimentId: NonNullable<Tracking['defaultExperimentId']>;
};

function neutralTracking(ctx: WandbContext): WandbTracking {
  const projectOf = (id: string) => {
    const [entity, project, ...rest] = id.split('/');
    if (!entity || !project || rest.length > 0) {
      throw new InvalidInputError(`"${id}" is not a W&B experiment id; use "<entity>/<project>".`, {
        backend: 'wandb',
        field: 'experimentIds',
        hint: 'Experiment ids of W&B come from the experiment search (projects of an entity).',
      });
    }
    return { entity, project };
  };
  const base: Omit<WandbTracking, keyof ReturnType<typeof wandbRunQueries>> = {
    async searchExperiments(params, opts): Promise<Page<Experiment>> {
      const page = await listProjects(ctx, { limit: params.limit, cursor: params.cursor }, opts);
      const needle = params.filter?.trim().toLowerCase();
      const items = page.items
        .filter((project) => !needle || project.name.toLowerCase().includes(needle))
        .map(toExperiment);
      return { ...page, items };
    },
    async defaultExperimentId(opts) {
      return ctx.defaultProject
        ? `${await ctx.defaultEntity(opts)}/${ctx.defaultProject}`
        : undefined;
    },
    async getExperiment(id, opts) {
      return toExperiment(await getProject(ctx, projectOf(id), opts));
    },
    async searchRuns(params, opts): Promise<Page<Run>> {
      if (params.experimentIds.length !== 1) {
        throw new InvalidInputError(
          'W&B searches the runs of one project at a time; pass exactly one experiment id.',
          {
            backend: 'wandb',
            field: 'experimentIds',
          },
        );
      }
      const page = await searchRuns(
        ctx,
        {
          ...projectOf(params.experimentIds[0]!),
          filters: params.filter,
          order: params.orderBy?.[0],
          limit: params.limit,
          cursor: params.cursor,
        },
        opts,
      );
      return { ...page, items: page.items.map(toNeutralRun) };
    },
    async getRun(id, opts) {
      return toNeutralRun(await getRun(ctx, parseRunPath(id, {}), opts));
    },
    async getMetricHistory(params, opts): Promise<MetricSeries> {
      const { series } = await getMetricHistories(
        ctx,
        {
          run: parseRunPath(params.runId, {}),
          keys: [params.key],
          samples: Math.max(params.maxPoints, 1000),
          maxPoints: params.maxPoints,
        },
        opts,
      );
      const { nonFinite: _nonFinite, serverSampled: _sampled, ...neutral } = series[0]!;
      return neutral;
    },
  };
  return { ...base, ...wandbRunQueries(base) };
}
