import { z } from 'zod';

/**
 * The run fields the adapter reads, as one fragment shared by the run documents. The selection
 * follows the SDK's RunFragment (wandb/wandb tools/graphql_codegen/api/runs.graphql), minus
 * fields the tools never show (readOnly, projectId, historyKeys).
 */
export const RUN_FIELDS_FRAGMENT = `fragment WandbRunFields on Run {
  id
  name
  displayName
  description
  notes
  state
  group
  jobType
  host
  commit
  sweepName
  tags
  createdAt
  updatedAt
  heartbeatAt
  historyLineCount
  user { username name }
  config
  summaryMetrics
}`;

/** A `Run` selected with {@link RUN_FIELDS_FRAGMENT}; JSONString fields are still strings. */
export const RunNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  notes: z.string().nullish(),
  state: z.string().nullish(),
  group: z.string().nullish(),
  jobType: z.string().nullish(),
  host: z.string().nullish(),
  commit: z.string().nullish(),
  sweepName: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  heartbeatAt: z.string().nullish(),
  historyLineCount: z.number().nullish(),
  user: z.object({ username: z.string().nullish(), name: z.string().nullish() }).nullish(),
  config: z.string().nullish(),
  summaryMetrics: z.string().nullish(),
  systemMetrics: z.string().nullish(),
});
export type RunNode = z.infer<typeof RunNodeSchema>;
