import type { Run, RunQuery, Tracking } from '@mlops-mcp/core';

/** MLflow accepts many experiment ids per search; these caps keep one request reasonable. */
const MAX_EXPERIMENTS = 500;
/** Experiment ids per run search. */
const IDS_PER_SEARCH = 100;
/** Runs per lookup of a recorded key. */
const RECORDING_LIMIT = 50;

const STATUS: Record<string, string> = {
  running: 'RUNNING',
  finished: 'FINISHED',
  failed: 'FAILED',
  killed: 'KILLED',
};

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function key(name: string): string {
  return `\`${name.replace(/`/g, '')}\``;
}

/** The MLflow search filter for a neutral query (status with several values is applied after). */
export function mlflowRunFilter(query: RunQuery): string | undefined {
  const clauses: string[] = [];
  if (query.status?.length === 1) clauses.push(`attributes.status = '${STATUS[query.status[0]!]}'`);
  if (query.since) clauses.push(`attributes.start_time >= ${query.since.getTime()}`);
  if (query.before) clauses.push(`attributes.start_time < ${query.before.getTime()}`);
  if (query.tag) clauses.push(`tags.${key(query.tag.key)} = ${quote(query.tag.value)}`);
  if (query.metric)
    clauses.push(`metrics.${key(query.metric.key)} ${query.metric.op} ${query.metric.value}`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

/** The MLflow order clause for a neutral query. */
export function mlflowRunOrder(query: RunQuery): string[] | undefined {
  if (!query.orderBy) return undefined;
  return [`metrics.${key(query.orderBy.metric)} ${query.orderBy.direction.toUpperCase()}`];
}

/** True when a run's status is one of the wanted ones (MLflow filters on one status only). */
function statusMatches(run: Run, wanted: RunQuery['status']): boolean {
  return !wanted?.length || (wanted as readonly string[]).includes(run.status);
}

type RunQueries = Pick<Tracking, 'scopeNoun' | 'listScopes' | 'queryRuns' | 'runsRecording'>;

/**
 * The neutral run queries of MLflow: scopes are experiment ids (a name fragment becomes
 * `name LIKE`), a query becomes one search filter per 100 experiments, a recorded key is looked
 * up as a tag and as a param.
 */
export function mlflowRunQueries(
  tracking: Pick<Tracking, 'searchExperiments' | 'searchRuns'>,
): RunQueries {
  return {
    scopeNoun: 'experiment',
    async listScopes(fragment, options) {
      const filter = fragment ? `name LIKE '%${fragment.replace(/'/g, "\\'")}%'` : undefined;
      const page = await tracking.searchExperiments({ filter, limit: MAX_EXPERIMENTS }, options);
      return { ids: page.items.map((e) => e.id), capped: page.nextCursor !== undefined };
    },
    async queryRuns(scopes, query, limit, options) {
      const runs: Run[] = [];
      for (let i = 0; i < scopes.length; i += IDS_PER_SEARCH) {
        const page = await tracking.searchRuns(
          {
            experimentIds: scopes.slice(i, i + IDS_PER_SEARCH),
            filter: mlflowRunFilter(query),
            orderBy: mlflowRunOrder(query),
            limit,
          },
          options,
        );
        runs.push(...page.items);
      }
      return runs.filter((run) => statusMatches(run, query.status));
    },
    async runsRecording(scopes, name, value, options) {
      if (scopes.length === 0) return [];
      const found = [];
      for (const kind of ['tags', 'params'] as const) {
        const page = await tracking.searchRuns(
          {
            experimentIds: scopes.slice(0, IDS_PER_SEARCH),
            filter: `${kind}.${key(name)} = ${quote(value)}`,
            limit: RECORDING_LIMIT,
          },
          options,
        );
        const via = `MLflow ${kind === 'tags' ? 'tag' : 'param'} ${name}`;
        found.push(...page.items.map((run) => ({ run, via })));
      }
      return found;
    },
  };
}
