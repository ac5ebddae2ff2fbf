import type { Agent, SeedContext } from '../../task.js';

/** Seeding and truth through Prefect's and MLflow's own APIs, shared by the cross tasks. */

/**
 * Prefect's SQLite server answers 503 while another writer holds the database (tasks seed
 * concurrently): such a write is retried a few times, with backoff.
 */
async function retrying<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('answered 503')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function createFlowRun(
  ctx: SeedContext,
  flow: string,
  name: string,
  state: 'COMPLETED' | 'FAILED' = 'COMPLETED',
): Promise<string> {
  const { id: flowId } = await retrying(() =>
    ctx.rest<{ id: string }>(`${ctx.prefectUrl}/flows/`, { body: { name: flow } }),
  );
  const stateName = state === 'COMPLETED' ? 'Completed' : 'Failed';
  const run = await retrying(() =>
    ctx.rest<{ id: string }>(`${ctx.prefectUrl}/flow_runs/`, {
      body: { flow_id: flowId, name, state: { type: state, name: stateName } },
    }),
  );
  return run.id;
}

/** MLflow traces of one experiment, with MLflow's own Python client. Ages in days (0 = now). */
export async function logTraces(
  ctx: SeedContext,
  experiment: string,
  traces: { name: string; error: boolean; daysAgo: number }[],
): Promise<{ experimentId: string; traceIds: string[] }> {
  return ctx.python(
    [
      'import json, time, mlflow',
      `exp = mlflow.set_experiment(${JSON.stringify(experiment)})`,
      'ids = []',
      `for t in json.loads(${JSON.stringify(JSON.stringify(traces))}):`,
      '    t0 = int((time.time() - t["daysAgo"] * 86400) * 1e9)',
      '    span = mlflow.start_span_no_context(t["name"], inputs={"q": t["name"]}, experiment_id=exp.experiment_id, start_time_ns=t0)',
      '    span.end(status="ERROR" if t["error"] else "OK", end_time_ns=t0 + 5_000_000)',
      '    ids.append(span.trace_id)',
      'print(json.dumps({"experimentId": exp.experiment_id, "traceIds": ids}))',
    ].join('\n'),
    { MLFLOW_ENABLE_ASYNC_TRACE_LOGGING: 'false' },
  );
}

/** Trace ids of an experiment per MLflow's own search, optionally only errors. */
export async function traceIds(
  ctx: SeedContext,
  experimentId: string,
  errorsOnly: boolean,
): Promise<string[]> {
  const page = await ctx.rest<{ traces?: { trace_id: string }[] }>(
    `${ctx.mlflowUrl}/api/3.0/mlflow/traces/search`,
    {
      body: {
        locations: [
          { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } },
        ],
        ...(errorsOnly ? { filter: "trace.status = 'ERROR'" } : {}),
        max_results: 500,
      },
    },
  );
  return (page.traces ?? []).map((trace) => trace.trace_id);
}

/** The items of a structured answer, typed loosely. */
export function itemsOf<T>(structured: Record<string, unknown>, key = 'items'): T[] {
  return (structured[key] as T[] | undefined) ?? [];
}

/** The run uri of the first run whose name matches, from mlops_search_runs. */
export async function findRunUri(
  agent: Agent,
  experiment: string,
  name: string,
): Promise<string | undefined> {
  const { structured } = await agent.call('mlops_search_runs', { experiment, limit: 50 });
  return itemsOf<{ uri: string; name?: string }>(structured).find((run) => run.name === name)?.uri;
}

export const same = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
