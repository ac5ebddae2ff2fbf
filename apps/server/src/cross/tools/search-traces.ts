import { fitItemsToBudget, TraceStatusSchema, type Tracing } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineCrossTool } from '../cross-context.js';
import { CaveatSchema, fanOut } from '../fan-out.js';
import { resolveSince, SinceInput } from '../time-window.js';
import { trackingScopes } from '../tracking-scopes.js';

const CrossTraceSchema = z.object({
  backend: z.string(),
  uri: z.string().describe('ref.uri: pass to mlflow_get_trace / wandb_get_trace.'),
  id: z.string(),
  name: z.string().optional(),
  status: TraceStatusSchema,
  startedAt: z.string().optional(),
  durationMs: z.number().optional(),
});

/** mlops_search_traces: MLflow traces and Weave traces in one list, newest first. */
export const crossSearchTracesTool = defineCrossTool({
  name: 'mlops_search_traces',
  title: 'Search traces across MLflow and Weave',
  description:
    'List LLM/agent traces from every enabled tracing backend (MLflow traces in all experiments or those ' +
    'whose name contains `experiment`; Weave traces of the default W&B project) in one list, newest first, ' +
    'optionally only errors or only successes, within a window. Follow up with mlflow_get_trace or ' +
    'wandb_get_trace on an item uri.',
  namespace: 'mlops',
  toolsets: ['cross', 'traces'],
  access: 'read',
  inputSchema: z.object({
    status: z
      .enum(['error', 'ok'])
      .optional()
      .describe('Only error or only ok traces; default both.'),
    since: SinceInput,
    experiment: z
      .string()
      .max(200)
      .optional()
      .describe('MLflow: part of the experiment name to search.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(200)
      .default(20)
      .describe('Traces to return after merging (1-200).'),
  }),
  outputSchema: z.object({
    items: z.array(CrossTraceSchema),
    caveats: z.array(CaveatSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, progress, maxResponseTokens }) {
    const since = resolveSince(input.since);
    const adapters = [...client.adapters.values()].filter(
      (adapter) => adapter.capabilities.tracing,
    );
    const { results, caveats } = await fanOut(
      adapters,
      async (adapter, backendSignal) => {
        const tracing = adapter.capabilities.tracing as Tracing;
        const options = { signal: backendSignal };
        let scopes: string[] = [];
        let filter: string | undefined;
        if (adapter.backend === 'mlflow') {
          const tracking = adapter.capabilities.tracking!;
          scopes = (await trackingScopes(adapter, tracking, input.experiment, options)).ids.slice(
            0,
            100,
          );
          if (scopes.length === 0) return [];
          const clauses = [`trace.timestamp_ms > ${since.getTime()}`];
          if (input.status)
            clauses.push(`trace.status = '${input.status === 'error' ? 'ERROR' : 'OK'}'`);
          filter = clauses.join(' AND ');
        }
        const page = await tracing.searchTraces(
          { scopes, filter, limit: input.limit * 2 },
          options,
        );
        return page.items.filter(
          (trace) =>
            (!input.status || trace.status === input.status) &&
            (!trace.startedAt || Date.parse(trace.startedAt) >= since.getTime()),
        );
      },
      { signal, progress },
    );
    const all = results
      .flatMap((result) => result.value)
      .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
    const items = all.slice(0, input.limit).map((trace) => ({
      backend: trace.ref.backend,
      uri: trace.ref.uri,
      id: trace.id,
      ...(trace.name ? { name: trace.name } : {}),
      status: trace.status,
      ...(trace.startedAt ? { startedAt: trace.startedAt } : {}),
      ...(trace.durationMs !== undefined ? { durationMs: trace.durationMs } : {}),
    }));
    return fitItemsToBudget(
      all.length > input.limit ? { items, caveats, truncated: true } : { items, caveats },
      maxResponseTokens,
    );
  },
});
