import type { Trace, TraceQuery, TraceQueryResult, Tracing } from '@mlops-mcp/core';

/** Experiment ids per trace search. */
const MAX_SCOPES = 100;

/**
 * The neutral trace query of MLflow: the experiments whose name contains the fragment (all
 * without one), status and window filtered server-side, newest first; what the window hid is one
 * search of one trace before it.
 */
export function mlflowTraceQuery(
  tracing: Pick<Tracing, 'searchTraces'>,
): Pick<Tracing, 'queryTraces'> {
  return {
    async queryTraces(query: TraceQuery, options): Promise<TraceQueryResult> {
      const scopes = (await query.trackingScopes(query.experiment)).slice(0, MAX_SCOPES);
      if (scopes.length === 0) return { traces: [], olderThanWindow: async () => undefined };
      const status = query.status
        ? [`trace.status = '${query.status === 'error' ? 'ERROR' : 'OK'}'`]
        : [];
      const search = (window: string, limit: number) =>
        tracing.searchTraces({ scopes, filter: [window, ...status].join(' AND '), limit }, options);
      const since = query.since.getTime();
      const page = await search(`trace.timestamp_ms > ${since}`, query.limit);
      const inWindow = (trace: Trace) => !trace.startedAt || Date.parse(trace.startedAt) >= since;
      const wanted = (trace: Trace) => !query.status || trace.status === query.status;
      return {
        traces: page.items.filter((trace) => wanted(trace) && inWindow(trace)),
        olderThanWindow: async () => (await search(`trace.timestamp_ms <= ${since}`, 1)).items[0],
      };
    },
  };
}
