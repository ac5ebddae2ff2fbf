import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { projectSchema } from '../page-info.js';

/**
 * Sampled history of chosen keys: one spec per key, each `{"keys": ["_step", key,
 * "_timestamp"], "samples": n}` as a JSON string; W&B answers one list of rows per spec (SDK:
 * GetRunSampledHistory, wandb/apis/public/runs.py `_sampled_history`).
 */
export const RunSampledHistoryDocument = graphqlDocument({
  name: 'WandbRunSampledHistory',
  kind: 'query',
  operation: 'get metric history',
  text: `query WandbRunSampledHistory(
  $entity: String!
  $project: String!
  $run: String!
  $specs: [JSONString!]!
) {
  project(name: $project, entityName: $entity) {
    name
    run(name: $run) {
      name
      historyLineCount
      sampledHistory(specs: $specs)
    }
  }
}`,
  schema: projectSchema({
    run: z
      .object({
        name: z.string(),
        historyLineCount: z.number().nullish(),
        sampledHistory: z.array(z.array(z.record(z.string(), z.unknown())).nullable()).nullish(),
      })
      .nullable(),
  }),
});
