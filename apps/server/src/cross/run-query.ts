import { type RankedBy, type RunStatus, resolveMetricDirection } from '@mlops-mcp/core';
import { z } from 'zod';

/** One neutral run query, translated to each tracking backend's own filter language. */
export const RunQuerySchema = z.object({
  experiment: z.string().max(200).optional().describe('Experiment/project name fragment.'),
  status: z
    .array(z.enum(['running', 'finished', 'failed', 'killed']))
    .max(4)
    .optional(),
  since: z.string().max(40).optional(),
  tag: z
    .object({ key: z.string().min(1).max(250), value: z.string().max(500) })
    .optional()
    .describe('MLflow tag or W&B config key.'),
  metric: z
    .object({
      key: z.string().min(1).max(250),
      op: z.enum(['>', '>=', '<', '<=']),
      value: z.number(),
    })
    .optional(),
  orderBy: z
    .object({
      metric: z.string().min(1).max(250),
      direction: z
        .enum(['asc', 'desc'])
        .optional()
        .describe('Default: from the name (loss → asc).'),
    })
    .optional()
    .describe('Default: newest first.'),
});
export type RunQuery = z.infer<typeof RunQuerySchema>;

const MLFLOW_STATUS: Record<string, string> = {
  running: 'RUNNING',
  finished: 'FINISHED',
  failed: 'FAILED',
  killed: 'KILLED',
};
const WANDB_STATES: Record<string, string[]> = {
  running: ['running'],
  finished: ['finished'],
  failed: ['failed', 'crashed'],
  killed: ['killed'],
};

function quoteMlflow(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function mlflowKey(key: string): string {
  return `\`${key.replace(/`/g, '')}\``;
}

/** The MLflow search filter for a neutral query (status with several values is applied after). */
export function mlflowFilter(
  query: RunQuery,
  since: Date | undefined,
  before?: Date,
): string | undefined {
  const clauses: string[] = [];
  if (query.status?.length === 1)
    clauses.push(`attributes.status = '${MLFLOW_STATUS[query.status[0]!]}'`);
  if (since) clauses.push(`attributes.start_time >= ${since.getTime()}`);
  if (before) clauses.push(`attributes.start_time < ${before.getTime()}`);
  if (query.tag) clauses.push(`tags.${mlflowKey(query.tag.key)} = ${quoteMlflow(query.tag.value)}`);
  if (query.metric)
    clauses.push(`metrics.${mlflowKey(query.metric.key)} ${query.metric.op} ${query.metric.value}`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

/** How a query's orderBy ranks: the given direction, else the shared rule on the metric name. */
export function rankedBy(query: RunQuery): (RankedBy & { metric: string }) | undefined {
  if (!query.orderBy) return undefined;
  const { metric, direction } = query.orderBy;
  return { metric, ...resolveMetricDirection(metric, direction, 'orderBy.direction') };
}

/** MLflow order clause for a neutral query. */
export function mlflowOrder(query: RunQuery): string[] | undefined {
  const ranking = rankedBy(query);
  if (!ranking) return undefined;
  return [`metrics.${mlflowKey(ranking.metric)} ${ranking.direction.toUpperCase()}`];
}

const WANDB_OPS: Record<string, string> = { '>': '$gt', '>=': '$gte', '<': '$lt', '<=': '$lte' };

/** The W&B filters JSON for a neutral query. */
export function wandbFilter(
  query: RunQuery,
  since: Date | undefined,
  before?: Date,
): string | undefined {
  const clauses: Record<string, unknown>[] = [];
  if (query.status?.length) {
    clauses.push({ state: { $in: query.status.flatMap((status) => WANDB_STATES[status] ?? []) } });
  }
  if (since) clauses.push({ createdAt: { $gte: since.toISOString() } });
  if (before) clauses.push({ createdAt: { $lt: before.toISOString() } });
  if (query.tag) clauses.push({ [`config.${query.tag.key}.value`]: query.tag.value });
  if (query.metric) {
    clauses.push({
      [`summary_metrics.${query.metric.key}`]: {
        [WANDB_OPS[query.metric.op]!]: query.metric.value,
      },
    });
  }
  if (clauses.length === 0) return undefined;
  return JSON.stringify(clauses.length === 1 ? clauses[0] : { $and: clauses });
}

/** W&B order string for a neutral query. */
export function wandbOrder(query: RunQuery): string[] | undefined {
  const ranking = rankedBy(query);
  if (!ranking) return undefined;
  return [`${ranking.direction === 'desc' ? '-' : '+'}summary_metrics.${ranking.metric}`];
}

/** True when a run's neutral status is one of the wanted ones (applied after the backend filter). */
export function statusMatches(status: RunStatus, wanted: RunQuery['status']): boolean {
  return !wanted?.length || (wanted as string[]).includes(status);
}
