import type { Run, RunQuery, Tracking } from '@mlops-mcp/core';

/** At most this many W&B projects are searched per call (W&B searches one project per request). */
export const MAX_PROJECTS = 10;
/** Projects read to find those matching a name fragment. */
const PROJECTS_READ = 100;
/** Runs per lookup of a recorded key. */
const RECORDING_LIMIT = 50;

const STATES: Record<string, string[]> = {
  running: ['running'],
  finished: ['finished'],
  failed: ['failed', 'crashed'],
  killed: ['killed'],
};

const OPERATORS: Record<string, string> = { '>': '$gt', '>=': '$gte', '<': '$lt', '<=': '$lte' };

/** The W&B filters JSON for a neutral query. */
export function wandbRunFilter(query: RunQuery): string | undefined {
  const clauses: Record<string, unknown>[] = [];
  if (query.status?.length) {
    clauses.push({ state: { $in: query.status.flatMap((status) => STATES[status] ?? []) } });
  }
  if (query.since) clauses.push({ createdAt: { $gte: query.since.toISOString() } });
  if (query.before) clauses.push({ createdAt: { $lt: query.before.toISOString() } });
  if (query.tag) clauses.push({ [`config.${query.tag.key}.value`]: query.tag.value });
  if (query.metric) {
    clauses.push({
      [`summary_metrics.${query.metric.key}`]: {
        [OPERATORS[query.metric.op]!]: query.metric.value,
      },
    });
  }
  if (clauses.length === 0) return undefined;
  return JSON.stringify(clauses.length === 1 ? clauses[0] : { $and: clauses });
}

/** The W&B order string for a neutral query. */
export function wandbRunOrder(query: RunQuery): string[] | undefined {
  if (!query.orderBy) return undefined;
  const { metric, direction } = query.orderBy;
  return [`${direction === 'desc' ? '-' : '+'}summary_metrics.${metric}`];
}

type RunQueries = Pick<Tracking, 'scopeNoun' | 'listScopes' | 'queryRuns' | 'runsRecording'>;

/**
 * The neutral run queries of W&B: scopes are "<entity>/<project>" ids of the default entity's
 * projects (at most 10 per call), a query becomes one JSON filter per project, a recorded key is
 * looked up as a config key.
 */
export function wandbRunQueries(
  tracking: Pick<Tracking, 'searchExperiments' | 'searchRuns'>,
): RunQueries {
  const perProject = async (
    scopes: readonly string[],
    filter: string | undefined,
    orderBy: string[] | undefined,
    limit: number,
    options: Parameters<Tracking['searchRuns']>[1],
  ) => {
    const runs: Run[] = [];
    for (const id of scopes) {
      const page = await tracking.searchRuns(
        { experimentIds: [id], filter, orderBy, limit },
        options,
      );
      runs.push(...page.items);
    }
    return runs;
  };
  return {
    scopeNoun: 'project',
    async listScopes(fragment, options) {
      const page = await tracking.searchExperiments(
        { filter: fragment, limit: PROJECTS_READ },
        options,
      );
      const ids = page.items.map((e) => e.id);
      return {
        ids: ids.slice(0, MAX_PROJECTS),
        capped: ids.length > MAX_PROJECTS || page.nextCursor !== undefined,
      };
    },
    async queryRuns(scopes, query, limit, options) {
      const runs = await perProject(
        scopes,
        wandbRunFilter(query),
        wandbRunOrder(query),
        limit,
        options,
      );
      const wanted = query.status as readonly string[] | undefined;
      return runs.filter((run) => !wanted?.length || wanted.includes(run.status));
    },
    async runsRecording(scopes, key, value, options) {
      const filter = JSON.stringify({ [`config.${key}.value`]: value });
      const runs = await perProject(scopes, filter, undefined, RECORDING_LIMIT, options);
      return runs.map((run) => ({ run, via: `W&B config ${key}` }));
    },
  };
}
