import {
  type BackendAdapter,
  fitItemsToBudget,
  type Orchestration,
  type Tracing,
} from '@mlops-mcp/core';
import { z } from 'zod';
import { defineCrossTool } from '../cross-context.js';
import { type Caveat, CaveatSchema, fanOut } from '../fan-out.js';
import { searchRunsOn } from '../search-runs-across.js';
import { resolveSince, SinceInput } from '../time-window.js';
import { trackingScopes } from '../tracking-scopes.js';

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

async function mlflowOrWandbFailures(
  adapter: BackendAdapter,
  since: Date,
  signal: AbortSignal,
  notes: Caveat[],
): Promise<Failure[]> {
  const failures: Failure[] = [];
  const { runs, caveat } = await searchRunsOn(
    adapter,
    { status: ['failed'] },
    since,
    PER_KIND,
    signal,
  );
  if (caveat) notes.push({ backend: adapter.backend, kind: 'partial', message: caveat });
  for (const run of runs) {
    failures.push({
      backend: adapter.backend,
      kind: 'run',
      uri: run.ref.uri,
      ...(run.name ? { name: run.name } : {}),
      status: run.status,
      rawStatus: run.rawStatus,
      ...(run.startedAt ? { at: run.startedAt } : {}),
    });
  }
  const tracing = adapter.capabilities.tracing as Tracing | undefined;
  const tracking = adapter.capabilities.tracking;
  if (!tracing || !tracking) return failures;
  // MLflow filters error traces server-side over its experiments; Weave searches its default
  // project and the status is checked here (Weave derives it from the call's exception).
  const scopes =
    adapter.backend === 'mlflow'
      ? (await trackingScopes(adapter, tracking, undefined, { signal })).ids.slice(0, 100)
      : [];
  const filter =
    adapter.backend === 'mlflow'
      ? `trace.status = 'ERROR' AND trace.timestamp_ms > ${since.getTime()}`
      : undefined;
  if (adapter.backend === 'mlflow' && scopes.length === 0) return failures;
  const page = await tracing.searchTraces({ scopes, filter, limit: PER_KIND * 2 }, { signal });
  for (const trace of page.items) {
    if (trace.status !== 'error') continue;
    if (trace.startedAt && Date.parse(trace.startedAt) < since.getTime()) continue;
    failures.push({
      backend: adapter.backend,
      kind: 'trace',
      uri: trace.ref.uri,
      ...(trace.name ? { name: trace.name } : {}),
      status: trace.status,
      ...(trace.rawStatus ? { rawStatus: trace.rawStatus } : {}),
      ...(trace.startedAt ? { at: trace.startedAt } : {}),
    });
  }
  return failures;
}

async function prefectFailures(
  adapter: BackendAdapter,
  since: Date,
  signal: AbortSignal,
): Promise<Failure[]> {
  const orchestration = adapter.capabilities.orchestration as Orchestration;
  const failed = await orchestration.listFlowRuns(
    { statuses: ['failed', 'crashed'], since: since.toISOString(), limit: PER_KIND },
    { signal },
  );
  const scheduled = await orchestration.listFlowRuns(
    { statuses: ['scheduled'], until: new Date().toISOString(), limit: PER_KIND },
    { signal },
  );
  const late = scheduled.items.filter((run) => run.stateName === 'Late');
  return [
    ...failed.items.map((run) => ({ run, kind: 'flow-run' as const })),
    ...late.map((run) => ({ run, kind: 'late-flow-run' as const })),
  ].map(({ run, kind }) => ({
    backend: adapter.backend,
    kind,
    uri: run.ref.uri,
    name: run.name,
    status: kind === 'late-flow-run' ? 'late' : run.status,
    rawStatus: run.rawStatus,
    ...((kind === 'late-flow-run' ? run.expectedStartAt : (run.startedAt ?? run.expectedStartAt))
      ? {
          at: (kind === 'late-flow-run'
            ? run.expectedStartAt
            : (run.startedAt ?? run.expectedStartAt))!,
        }
      : {}),
    ...(run.stateMessage ? { message: run.stateMessage.slice(0, 300) } : {}),
  }));
}

/** mlops_what_failed: failed runs, error traces, failed/crashed and late flow runs, newest first. */
export const whatFailedTool = defineCrossTool({
  name: 'mlops_what_failed',
  title: 'What failed recently, across every backend',
  description:
    'List what failed in a time window across every enabled backend, newest first: failed MLflow runs and ' +
    'error traces, failed/crashed W&B runs and Weave error traces (default project), failed or crashed ' +
    'Prefect flow runs and late ones. Each item has a ref uri for the backend tools (e.g. ' +
    'prefect_diagnose_flow_run, mlflow_get_trace). Unreachable backends are listed as caveats.',
  namespace: 'mlops',
  toolsets: ['cross'],
  access: 'read',
  inputSchema: z.object({
    since: SinceInput,
    limit: z
      .number()
      .int()
      .min(1)
      .max(200)
      .default(30)
      .describe('Items to return (1-200), newest first.'),
  }),
  outputSchema: z.object({
    since: z.string(),
    items: z.array(FailureSchema),
    countsByBackend: z.record(z.string(), z.number()),
    caveats: z.array(CaveatSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, progress, maxResponseTokens }) {
    const since = resolveSince(input.since);
    const notes: Caveat[] = [];
    const { results, caveats } = await fanOut(
      [...client.adapters.values()],
      (adapter, backendSignal) =>
        adapter.capabilities.orchestration
          ? prefectFailures(adapter, since, backendSignal)
          : mlflowOrWandbFailures(adapter, since, backendSignal, notes),
      { signal, progress },
    );
    const all = results.flatMap((result) => result.value);
    all.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
    const countsByBackend = Object.fromEntries(
      results.map((result) => [result.backend, result.value.length]),
    );
    const output = {
      since: since.toISOString(),
      items: all.slice(0, input.limit),
      countsByBackend,
      caveats: [...notes, ...caveats],
    };
    return fitItemsToBudget(
      all.length > input.limit ? { ...output, truncated: true } : output,
      maxResponseTokens,
    );
  },
});
