import {
  ADAPTER_SPEC_VERSION,
  type BackendHealth,
  type CallOptions,
  HttpClient,
  NotFoundError,
  probeHealth,
  type Tracing,
} from '@mlops-mcp/core';
import type { z } from 'zod';
import { wandbBasicAuthHeader } from '../shared/auth-header.js';
import type { WandbSettings } from '../shared/settings.js';
import { readJsonLines } from './jsonl-stream.js';
import {
  CallReadResSchema,
  CallsQueryStatsResSchema,
  FeedbackCreateResSchema,
  FeedbackQueryResSchema,
  ObjQueryResSchema,
  ObjReadResSchema,
  ServerInfoResSchema,
  WireCallSchema,
} from './weave-api-types.js';
import type {
  CallStreamOptions,
  CallStreamStats,
  WeaveClient,
  WeaveClientOptions,
} from './weave-context.js';
import { mapWeaveError } from './weave-errors.js';
import { parseProject, resolveProject } from './weave-ids.js';
import { createWeaveTracing } from './weave-tracing.js';

export type { CallStreamOptions, CallStreamStats, WeaveClient, WeaveClientOptions };

/** Creates the Weave client for the trace server in `settings` (WF_TRACE_SERVER_URL or derived). */
export function createWeaveClient(
  settings: WandbSettings,
  options: WeaveClientOptions = {},
): WeaveClient {
  const http = new HttpClient({
    backend: 'wandb',
    baseUrl: settings.traceServerUrl,
    urlSetting: 'WF_TRACE_SERVER_URL (when unset, derived from WANDB_BASE_URL)',
    headers: { authorization: wandbBasicAuthHeader(settings) },
    mapError: mapWeaveError,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  /** A read-only POST to the trace server (retried like a read), its answer validated. */
  const query = <T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    operation: string,
    opts?: CallOptions,
  ): Promise<T> =>
    http.request({
      method: 'POST',
      path,
      body,
      idempotent: true,
      signal: opts?.signal,
      schema,
      operation,
    });
  const defaultProject =
    settings.entity && settings.project
      ? parseProject(`${settings.entity}/${settings.project}`)
      : undefined;
  let lastStream: CallStreamStats | undefined;
  let versionPromise: Promise<string> | undefined;
  let tracing: Tracing | undefined;

  const client: WeaveClient = {
    specVersion: ADAPTER_SPEC_VERSION,
    backend: 'wandb',
    baseUrl: http.baseUrl,
    http,
    defaultProject,
    get lastStream() {
      return lastStream;
    },
    capabilities: {
      // Built on first use: the Tracing implementation calls back into this client.
      get tracing() {
        tracing ??= createWeaveTracing(client);
        return tracing;
      },
    },

    project: (given = {}) =>
      resolveProject(given, { entity: settings.entity, project: settings.project }),

    async streamCalls(req, opts) {
      const result = await http.requestStream(
        {
          method: 'POST',
          path: 'calls/stream_query',
          body: req,
          headers: { accept: 'application/jsonl' },
          idempotent: true,
          signal: opts.signal,
          operation: 'query calls',
        },
        (response) =>
          readJsonLines(response.body, {
            schema: WireCallSchema,
            maxRows: opts.maxRows,
            ...(opts.accept ? { accept: opts.accept } : {}),
            operation: 'query calls',
          }),
      );
      const { rows, ...stats } = result;
      lastStream = stats;
      return { calls: rows, ...stats };
    },

    async readCall(project, id, opts) {
      const response = await query(
        'call/read',
        { project_id: project.id, id, include_costs: opts?.includeCosts ?? false },
        CallReadResSchema,
        'read call',
        opts,
      );
      // The server answers 200 with `call: null` for an unknown id.
      if (!response.call) {
        throw new NotFoundError(`No Weave call ${id} in ${project.id}.`, {
          backend: 'wandb',
          hint: 'Call ids come from wandb_search_calls or wandb_search_traces; check the project too.',
        });
      }
      return response.call;
    },

    callStats: (req, opts) =>
      query('calls/query_stats', req, CallsQueryStatsResSchema, 'count calls', opts),

    async queryFeedback(req, opts) {
      const response = await query(
        'feedback/query',
        req,
        FeedbackQueryResSchema,
        'query feedback',
        opts,
      );
      return response.result;
    },

    createFeedback: (req, opts) =>
      http.request({
        method: 'POST',
        path: 'feedback/create',
        body: req,
        signal: opts?.signal,
        schema: FeedbackCreateResSchema,
        operation: 'create feedback',
      }),

    async queryObjects(req, opts) {
      const response = await query('objs/query', req, ObjQueryResSchema, 'query objects', opts);
      return response.objs;
    },

    async readObject(project, name, digest, opts) {
      const response = await query(
        'obj/read',
        { project_id: project.id, object_id: name, digest },
        ObjReadResSchema,
        'read object',
        opts,
      );
      return response.obj;
    },

    serverVersion(opts) {
      versionPromise ??= http
        .request({
          method: 'GET',
          path: 'server_info',
          signal: opts?.signal,
          schema: ServerInfoResSchema,
          operation: 'get server info',
        })
        .then((info) => info.trace_server_version ?? 'unknown')
        .catch((error: unknown) => {
          versionPromise = undefined;
          throw error;
        });
      return versionPromise;
    },

    checkHealth: (opts) => weaveHealth(client, opts),

    close: () => http.close(),
  };
  return client;
}

/**
 * Probes the trace server: its version (GET /server_info, which needs no key), then one
 * authenticated count in the default project. Without a default project the key cannot be
 * checked here, so `authenticated` stays undefined.
 */
async function weaveHealth(client: WeaveClient, options?: CallOptions): Promise<BackendHealth> {
  const project = client.defaultProject;
  const health = await probeHealth(async () => {
    const version = await client.serverVersion(options);
    if (project) {
      await client.callStats({ project_id: project.id, limit: 1 }, options);
    }
    return version;
  });
  if (!project && health.authenticated) {
    const { authenticated: _unchecked, ...rest } = health;
    return rest;
  }
  return health;
}
