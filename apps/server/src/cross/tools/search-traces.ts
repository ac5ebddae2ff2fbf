import { fitItemsToBudget, type Trace, TraceStatusSchema, type Tracing } from '@mlops-mcp/core';
import { z } from 'zod';
import { absentCaveats } from '../absent-backends.js';
import { defineCrossTool } from '../cross-context.js';
import { CaveatSchema, fanOut } from '../fan-out.js';
import { DEFAULT_SINCE, resolveSince, SinceInput } from '../time-window.js';
import { scopesOnce } from '../tracking-scopes.js';
import { olderThanWindowCaveat } from '../window-notice.js';

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
    'List LLM/agent traces of every tracing backend (MLflow experiments, Weave projects, default the W&B project), newest first.',
  namespace: 'mlops',
  needs: ['tracing'],
  toolsets: ['cross', 'traces'],
  access: 'read',
  inputSchema: z.object({
    status: z.enum(['error', 'ok']).optional(),
    since: SinceInput,
    experiment: z
      .string()
      .max(200)
      .optional()
      .describe('MLflow experiment or W&B project name fragment.'),
    limit: z.number().int().min(1).max(200).default(20),
  }),
  outputSchema: z.object({
    items: z.array(CrossTraceSchema),
    olderThanWindow: z
      .array(CrossTraceSchema)
      .optional()
      .describe('Only with the default window: the newest matching trace before it, per backend.'),
    caveats: z.array(CaveatSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, progress, maxResponseTokens }) {
    const since = resolveSince(input.since ?? DEFAULT_SINCE);
    const defaultWindow = input.since === undefined;
    const adapters = [...client.adapters.values()].filter(
      (adapter) => adapter.capabilities.tracing,
    );
    const scopes = scopesOnce();
    const { results, caveats } = await fanOut(
      adapters,
      async (adapter, backendSignal) => {
        const tracing = adapter.capabilities.tracing as Tracing;
        const options = { signal: backendSignal };
        const found = await tracing.queryTraces(
          {
            ...(input.status ? { status: input.status } : {}),
            since,
            ...(input.experiment !== undefined ? { experiment: input.experiment } : {}),
            limit: input.limit * 2,
            trackingScopes: async (fragment) => (await scopes(adapter, fragment, options)).ids,
          },
          options,
        );
        // A default window that left this backend short: one bounded look further back.
        const hidden = defaultWindow && found.traces.length < input.limit;
        return { traces: found.traces, older: hidden ? await found.olderThanWindow() : undefined };
      },
      { signal, progress },
    );
    const all = results
      .flatMap((result) => result.value.traces)
      .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
    const older = results.flatMap((result) => (result.value.older ? [result.value.older] : []));
    const items = all.slice(0, input.limit).map(crossTrace);
    const output = {
      items,
      ...(older.length > 0 ? { olderThanWindow: older.map(crossTrace) } : {}),
      caveats: [
        ...absentCaveats(client, 'tracing', 'its traces were not searched'),
        ...caveats,
        ...older.map((trace) =>
          olderThanWindowCaveat(
            trace.ref.backend,
            input.status === 'error' ? 'Error traces' : 'Traces',
            trace.startedAt,
          ),
        ),
      ],
    };
    return fitItemsToBudget(
      all.length > input.limit ? { ...output, truncated: true } : output,
      maxResponseTokens,
    );
  },
});

function crossTrace(trace: Trace): z.infer<typeof CrossTraceSchema> {
  return {
    backend: trace.ref.backend,
    uri: trace.ref.uri,
    id: trace.id,
    ...(trace.name ? { name: trace.name } : {}),
    status: trace.status,
    ...(trace.startedAt ? { startedAt: trace.startedAt } : {}),
    ...(trace.durationMs !== undefined ? { durationMs: trace.durationMs } : {}),
  };
}
