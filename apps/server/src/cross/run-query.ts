import { type RankedBy, type RunQuery, resolveMetricDirection } from '@mlops-mcp/core';
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
export type RunQueryInput = z.infer<typeof RunQuerySchema>;

/** How a query's orderBy ranks: the given direction, else the shared rule on the metric name. */
export function rankedBy(query: RunQueryInput): (RankedBy & { metric: string }) | undefined {
  if (!query.orderBy) return undefined;
  const { metric, direction } = query.orderBy;
  return { metric, ...resolveMetricDirection(metric, direction, 'orderBy.direction') };
}

/**
 * The neutral query core's Tracking.queryRuns takes: the input's conditions, the window as
 * instants, and orderBy with its direction resolved. Each backend translates it (see its
 * runs/neutral-query.ts).
 */
export function toRunQuery(input: RunQueryInput, since: Date | undefined, before?: Date): RunQuery {
  const ranking = rankedBy(input);
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(since ? { since } : {}),
    ...(before ? { before } : {}),
    ...(input.tag ? { tag: input.tag } : {}),
    ...(input.metric ? { metric: input.metric } : {}),
    ...(ranking ? { orderBy: { metric: ranking.metric, direction: ranking.direction } } : {}),
  };
}
