import {
  type BackendAdapter,
  type FlowRun,
  type FlowRunStatus,
  fitItemsToBudget,
  type Orchestration,
  type Run,
  type Trace,
} from '@mlops-mcp/core';
import { z } from 'zod';
import { absentCaveats } from '../absent-backends.js';
import { defineCrossTool } from '../cross-context.js';
import { type Caveat, CaveatSchema, fanOut } from '../fan-out.js';
import { searchRunsOn } from '../search-runs-across.js';
import { DEFAULT_SINCE, resolveSince, SinceInput } from '../time-window.js';
import { type ScopesOnce, scopesOnce } from '../tracking-scopes.js';
import { newest, olderThanWindowCaveat } from '../window-notice.js';

const FailureSchema = z.object({
  backend: z.string(),
  kind: z.enum(['run', 'trace', 'flow-run', 'late-flow-run']),
  uri: z.string(),
  name: z.string().optional(),
  status: z.string(),
  rawStatus: z.string().optional(),
  at: z
    .string()
    .optional()
    .describe('When it started (runs, traces) or was expected to (late flow runs).'),
  message: z.string().optional(),
});
type Failure = z.infer<typeof FailureSchema>;

const PER_KIND = 50;

/** What one backend answered: failures in the window, and (when probed) the newest older ones. */
interface BackendFailures {
  items: Failure[];
  older: Failure[];
}

function runFailure(adapter: BackendAdapter, run: Run): Failure {
  return {
    backend: adapter.backend,
    kind: 'run',
    uri: run.ref.uri,
    ...(run.name ? { name: run.name } : {}),
    status: run.status,
    rawStatus: run.rawStatus,
    ...(run.startedAt ? { at: run.startedAt } : {}),
  };
}

function traceFailure(adapter: BackendAdapter, trace: Trace): Failure {
  return {
    backend: adapter.backend,
    kind: 'trace',
    uri: trace.ref.uri,
    ...(trace.name ? { name: trace.name } : {}),
    status: trace.status,
    ...(trace.rawStatus ? { rawStatus: trace.rawStatus } : {}),
    ...(trace.startedAt ? { at: trace.startedAt } : {}),
  };
}

/**
 * Failed runs and error traces of a tracking and/or tracing backend. When `probe(found)` says so,
 * also the newest failed run and error trace from before the window (one bounded look each).
 */
async function trackedFailures(
  adapter: BackendAdapter,
  since: Date,
  probe: (found: number) => boolean,
  signal: AbortSignal,
  notes: Caveat[],
  scopes: ScopesOnce,
): Promise<BackendFailures> {
  const failed = { status: ['failed' as const] };
  const items: Failure[] = [];
  if (adapter.capabilities.tracking) {
    const { runs, caveat } = await searchRunsOn(adapter, failed, since, PER_KIND, signal, scopes);
    if (caveat) notes.push({ backend: adapter.backend, kind: 'partial', message: caveat });
    items.push(...runs.map((run) => runFailure(adapter, run)));
  }
  const tracing = adapter.capabilities.tracing;
  const traces = tracing
    ? await tracing.queryTraces(
        {
          status: 'error',
          since,
          limit: PER_KIND * 2,
          trackingScopes: async (fragment) => (await scopes(adapter, fragment, { signal })).ids,
        },
        { signal },
      )
    : undefined;
  items.push(...(traces?.traces ?? []).map((trace) => traceFailure(adapter, trace)));
  const older: Failure[] = [];
  if (!probe(items.length)) return { items, older };
  if (adapter.capabilities.tracking) {
    const before = await searchRunsOn(adapter, failed, undefined, 1, signal, scopes, since);
    const newestRun = before.runs.sort((a, b) =>
      (b.startedAt ?? '').localeCompare(a.startedAt ?? ''),
    )[0];
    if (newestRun) older.push(runFailure(adapter, newestRun));
  }
  const hiddenTrace = await traces?.olderThanWindow();
  if (hiddenTrace) older.push(traceFailure(adapter, hiddenTrace));
  return { items, older };
}

function flowRunFailure(
  adapter: BackendAdapter,
  run: FlowRun,
  kind: 'flow-run' | 'late-flow-run',
): Failure {
  const at =
    kind === 'late-flow-run' ? run.expectedStartAt : (run.startedAt ?? run.expectedStartAt);
  return {
    backend: adapter.backend,
    kind,
    uri: run.ref.uri,
    name: run.name,
    status: kind === 'late-flow-run' ? 'late' : run.status,
    rawStatus: run.rawStatus,
    ...(at ? { at } : {}),
    ...(run.stateMessage ? { message: run.stateMessage.slice(0, 300) } : {}),
  };
}

async function flowRunFailures(
  adapter: BackendAdapter,
  since: Date,
  probe: (found: number) => boolean,
  signal: AbortSignal,
): Promise<BackendFailures> {
  const orchestration = adapter.capabilities.orchestration as Orchestration;
  const statuses: FlowRunStatus[] = ['failed', 'crashed'];
  const failed = await orchestration.listFlowRuns(
    { statuses, since: since.toISOString(), limit: PER_KIND },
    { signal },
  );
  const scheduled = await orchestration.listFlowRuns(
    { statuses: ['scheduled'], until: new Date().toISOString(), limit: PER_KIND },
    { signal },
  );
  const late = scheduled.items.filter((run) => run.stateName === 'Late');
  const older: Failure[] = [];
  if (probe(failed.items.length + late.length)) {
    // Late runs are listed whenever they were due; only failures have a window to hide them.
    const before = await orchestration.listFlowRuns(
      { statuses, until: since.toISOString(), limit: 1 },
      { signal },
    );
    if (before.items[0]) older.push(flowRunFailure(adapter, before.items[0], 'flow-run'));
  }
  return {
    items: [
      ...failed.items.map((run) => flowRunFailure(adapter, run, 'flow-run')),
      ...late.map((run) => flowRunFailure(adapter, run, 'late-flow-run')),
    ],
    older,
  };
}

/** mlops_what_failed: failed runs, error traces, failed/crashed and late flow runs, newest first. */
export const whatFailedTool = defineCrossTool({
  name: 'mlops_what_failed',
  title: 'What failed recently, across every backend',
  description:
    'What failed recently in every backend, newest first: runs, traces, Prefect flow runs (failed, crashed or late).',
  namespace: 'mlops',
  toolsets: ['cross'],
  access: 'read',
  inputSchema: z.object({
    since: SinceInput,
    limit: z.number().int().min(1).max(200).default(30),
  }),
  outputSchema: z.object({
    since: z.string(),
    items: z.array(FailureSchema),
    countsByBackend: z.record(z.string(), z.number()),
    olderThanWindow: z
      .array(FailureSchema)
      .optional()
      .describe(
        `Only with the default window: the newest failure of each kind from before it, per backend.`,
      ),
    caveats: z.array(CaveatSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, progress, maxResponseTokens }) {
    const since = resolveSince(input.since ?? DEFAULT_SINCE);
    const defaultWindow = input.since === undefined;
    const notes: Caveat[] = [];
    const scopes = scopesOnce();
    const { results, caveats } = await fanOut(
      [...client.adapters.values()],
      async (adapter, backendSignal) => {
        // A default window that left this backend short: one bounded look further back.
        const probe = (found: number) => defaultWindow && found < input.limit;
        const { tracking, tracing, orchestration } = adapter.capabilities;
        const parts = await Promise.all([
          orchestration ? flowRunFailures(adapter, since, probe, backendSignal) : undefined,
          tracking || tracing
            ? trackedFailures(adapter, since, probe, backendSignal, notes, scopes)
            : undefined,
        ]);
        const found = parts.filter((part) => part !== undefined);
        return {
          items: found.flatMap((part) => part.items),
          older: found.flatMap((part) => part.older),
        };
      },
      { signal, progress },
    );
    const all = results.flatMap((result) => result.value.items);
    all.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
    const countsByBackend = Object.fromEntries(
      results.map((result) => [result.backend, result.value.items.length]),
    );
    const older = results.flatMap((result) => result.value.older);
    const olderCaveats = results
      .filter((result) => result.value.older.length > 0)
      .map((result) =>
        olderThanWindowCaveat(result.backend, 'Failures', newest(result.value.older)?.at),
      );
    const output = {
      since: since.toISOString(),
      items: all.slice(0, input.limit),
      countsByBackend,
      ...(older.length > 0 ? { olderThanWindow: older } : {}),
      caveats: [
        ...absentCaveats(client, undefined, 'its failures were not checked'),
        ...notes,
        ...caveats,
        ...olderCaveats,
      ],
    };
    return fitItemsToBudget(
      all.length > input.limit ? { ...output, truncated: true } : output,
      maxResponseTokens,
    );
  },
});
