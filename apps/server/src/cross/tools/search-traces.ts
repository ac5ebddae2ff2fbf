import {
  type BackendAdapter,
  type CallOptions,
  fitItemsToBudget,
  type Trace,
  TraceStatusSchema,
  type Tracing,
} from '@mlops-mcp/core';
import { z } from 'zod';
import { absentCaveats } from '../absent-backends.js';
import { defineCrossTool } from '../cross-context.js';
import { CaveatSchema, fanOut } from '../fan-out.js';
import { DEFAULT_SINCE, resolveSince, SinceInput } from '../time-window.js';
import { trackingScopes } from '../tracking-scopes.js';
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
    const wanted = (trace: Trace) => !input.status || trace.status === input.status;
    const inWindow = (trace: Trace) =>
      !trace.startedAt || Date.parse(trace.startedAt) >= since.getTime();
    const { results, caveats } = await fanOut(
      adapters,
      async (adapter, backendSignal) => {
        const tracing = adapter.capabilities.tracing as Tracing;
        const options = { signal: backendSignal };
        if (adapter.backend !== 'mlflow') {
          // Weave: newest first, status and window checked here; the page shows what the window hid.
          const projects = await weaveProjects(adapter, input.experiment, options);
          const matching: Trace[] = [];
          for (const scopes of projects) {
            const page = await tracing.searchTraces({ scopes, limit: input.limit * 2 }, options);
            matching.push(...page.items.filter(wanted));
          }
          matching.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
          const traces = matching.filter(inWindow);
          const hidden = defaultWindow && traces.length < input.limit;
          return { traces, older: hidden ? matching.find((trace) => !inWindow(trace)) : undefined };
        }
        const tracking = adapter.capabilities.tracking!;
        const scopes = (
          await trackingScopes(adapter, tracking, input.experiment, options)
        ).ids.slice(0, 100);
        if (scopes.length === 0) return { traces: [] as Trace[], older: undefined };
        const status = input.status
          ? [`trace.status = '${input.status === 'error' ? 'ERROR' : 'OK'}'`]
          : [];
        const search = (window: string, limit: number) =>
          tracing.searchTraces(
            { scopes, filter: [window, ...status].join(' AND '), limit },
            options,
          );
        const page = await search(`trace.timestamp_ms > ${since.getTime()}`, input.limit * 2);
        const traces = page.items.filter((trace) => wanted(trace) && inWindow(trace));
        // A default window that left this backend short: one bounded look further back.
        if (!defaultWindow || traces.length >= input.limit) return { traces, older: undefined };
        const before = await search(`trace.timestamp_ms <= ${since.getTime()}`, 1);
        return { traces, older: before.items[0] };
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

/** At most this many Weave projects are searched per call (Weave searches one per request). */
const MAX_WEAVE_PROJECTS = 5;

/**
 * The Weave projects a search covers, as one-scope lists: the default project when no name
 * fragment is given, else the W&B projects (and the default one) whose name contains it.
 */
async function weaveProjects(
  adapter: BackendAdapter,
  fragment: string | undefined,
  options: CallOptions,
): Promise<string[][]> {
  if (fragment === undefined) return [[]];
  const needle = fragment.toLowerCase();
  const tracking = adapter.capabilities.tracking;
  const found = new Set<string>();
  const fallback = await tracking?.defaultExperimentId?.(options).catch(() => undefined);
  if (fallback?.split('/').pop()?.toLowerCase().includes(needle)) found.add(fallback);
  if (tracking) {
    const { ids } = await trackingScopes(adapter, tracking, fragment, options);
    for (const id of ids) found.add(id);
  }
  return [...found].slice(0, MAX_WEAVE_PROJECTS).map((id) => [id]);
}

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
