import type { CallOptions, Trace, TraceQuery, TraceQueryResult, Tracing } from '@mlops-mcp/core';

/** At most this many Weave projects are searched per call (Weave searches one per request). */
const MAX_PROJECTS = 5;

/**
 * The neutral trace query of Weave: without a name fragment the default project, else the W&B
 * projects (and the default one) whose name contains it, one search each, newest first. Weave
 * derives a trace's status from its calls, so status and window are checked here, and the page
 * already read shows what the window hid.
 */
export function weaveTraceQuery(
  tracing: Pick<Tracing, 'searchTraces'>,
  defaultProject: (options?: CallOptions) => Promise<string | undefined>,
): Pick<Tracing, 'queryTraces'> {
  const projects = async (query: TraceQuery, options?: CallOptions): Promise<string[][]> => {
    const fragment = query.experiment;
    if (fragment === undefined) return [[]];
    const needle = fragment.toLowerCase();
    const found = new Set<string>();
    const fallback = await defaultProject(options).catch(() => undefined);
    if (fallback?.split('/').pop()?.toLowerCase().includes(needle)) found.add(fallback);
    for (const id of await query.trackingScopes(fragment)) found.add(id);
    return [...found].slice(0, MAX_PROJECTS).map((id) => [id]);
  };
  return {
    async queryTraces(query, options): Promise<TraceQueryResult> {
      const since = query.since.getTime();
      const wanted = (trace: Trace) => !query.status || trace.status === query.status;
      const inWindow = (trace: Trace) => !trace.startedAt || Date.parse(trace.startedAt) >= since;
      const matching: Trace[] = [];
      for (const scopes of await projects(query, options)) {
        const page = await tracing.searchTraces({ scopes, limit: query.limit }, options);
        matching.push(...page.items.filter(wanted));
      }
      matching.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
      const older = matching.find((trace) => !inWindow(trace));
      return { traces: matching.filter(inWindow), olderThanWindow: async () => older };
    },
  };
}
