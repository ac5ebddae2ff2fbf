import {
  InvalidInputError,
  NotFoundError,
  parseEntityUri,
  type TraceFeedback,
  type Tracing,
} from '@mlops-mcp/core';
import { searchCalls } from './call-search.js';
import { type FeedbackContent, feedbackRequest } from './feedback-request.js';
import { neutralTrace, traceFromRoot } from './map-trace.js';
import { weaveTraceQuery } from './neutral-traces.js';
import { fetchTraceTree } from './trace-tree.js';
import type { WeaveClient } from './weave-context.js';
import { parseProject, requireCallId, type WeaveProject } from './weave-ids.js';
import { parseOrderBy } from './weave-sort.js';

/** Spans fetched per trace by the neutral getTrace. */
const NEUTRAL_MAX_SPANS = 1_000;

/**
 * The neutral Tracing capability over Weave: traces are root calls, spans are their calls.
 * Scopes are `entity/project`; a filter is a Weave query as JSON (`{"$expr": ...}`); trace ids
 * are Weave trace ids or `wandb://<entity>/<project>/traces/<id>` refs.
 */
export function createWeaveTracing(client: WeaveClient): Tracing {
  const tracing: Tracing = {
    // The client's default project; the W&B adapter overrides it with WANDB_PROJECT of its entity.
    queryTraces: (query, options) =>
      weaveTraceQuery(tracing, async () => {
        try {
          return client.project().id;
        } catch {
          return undefined;
        }
      }).queryTraces(query, options),

    async searchTraces(params, options) {
      const project = scopeProject(client, params.scopes);
      return searchCalls(
        client,
        {
          project,
          rootsOnly: true,
          query: params.filter?.trim() ? parseFilter(params.filter) : undefined,
          sortBy: parseOrderBy(params.orderBy),
          limit: params.limit,
          cursor: params.cursor,
        },
        {
          signal: options?.signal,
          maxResponseTokens: Number.POSITIVE_INFINITY,
          shape: (item, call) =>
            neutralTrace(traceFromRoot(item, project, call.summary?.status_counts)),
        },
      );
    },

    async getTrace(id, options) {
      const { project, traceId } = traceTarget(client, id);
      const tree = await fetchTraceTree(client, project, traceId, {
        signal: options?.signal,
        maxSpans: NEUTRAL_MAX_SPANS,
      });
      return neutralTrace(tree.trace, tree.spans);
    },

    async logFeedback(id, feedback, options) {
      const { project, traceId } = traceTarget(client, id);
      const { calls } = await client.streamCalls(
        {
          project_id: project.id,
          filter: { trace_ids: [traceId], trace_roots_only: true },
          columns: ['id', 'trace_id', 'op_name', 'started_at'],
          limit: 1,
        },
        { signal: options?.signal, maxRows: 1 },
      );
      const root = calls[0];
      if (!root) {
        throw new NotFoundError(`No Weave trace ${traceId} in ${project.id}.`, {
          backend: 'wandb',
          hint: 'Trace ids come from wandb_search_traces.',
        });
      }
      await client.createFeedback(
        feedbackRequest(project, root.id, feedbackContent(feedback), feedback.source),
        options,
      );
    },
  };
  return tracing;
}

/** The one project a neutral search covers. */
function scopeProject(client: WeaveClient, scopes: readonly string[]): WeaveProject {
  if (scopes.length > 1) {
    throw new InvalidInputError('Weave searches one project at a time.', {
      backend: 'wandb',
      field: 'scopes',
      hint: 'Pass a single "<entity>/<project>" scope and search the others separately.',
    });
  }
  const [scope] = scopes;
  return scope ? parseProject(scope, 'scopes') : client.project();
}

/** A trace id, or a wandb:// trace ref carrying its project. */
function traceTarget(client: WeaveClient, id: string): { project: WeaveProject; traceId: string } {
  const parsed = parseEntityUri(id);
  if (parsed && parsed.backend === 'wandb' && parsed.kind === 'trace') {
    const project =
      parsed.scope.length === 2 ? parseProject(parsed.scope.join('/'), 'id') : client.project();
    return { project, traceId: requireCallId(parsed.id, 'id') };
  }
  return { project: client.project(), traceId: requireCallId(id, 'id') };
}

function parseFilter(filter: string): unknown {
  try {
    return JSON.parse(filter) as unknown;
  } catch {
    throw new InvalidInputError('A Weave trace filter is a JSON query, {"$expr": ...}.', {
      backend: 'wandb',
      field: 'filter',
      hint: 'Example: {"$expr":{"$gt":[{"$getField":"summary.weave.latency_ms"},{"$literal":1000}]}}',
    });
  }
}

/** Neutral feedback as Weave feedback: `note` and `reaction` map to Weave's own kinds. */
function feedbackContent(feedback: TraceFeedback): FeedbackContent {
  if (feedback.name === 'note') return { kind: 'note', note: String(feedback.value) };
  if (feedback.name === 'reaction') return { kind: 'reaction', emoji: String(feedback.value) };
  const payload: Record<string, unknown> = { value: feedback.value };
  if (feedback.rationale !== undefined) payload.rationale = feedback.rationale;
  return { kind: 'custom', type: feedback.name, payload };
}
