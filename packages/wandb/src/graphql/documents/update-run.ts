import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';

/**
 * Sets a run's tags and notes through `upsertBucket`, as the SDK's `Run.update()` does
 * (wandb/apis/public/runs.py; UpdateRun in tools/graphql_codegen/api/runs.graphql). Only the
 * fields given in `input` change; `input.id` is the run's storage id, not its short name.
 */
export const UpdateRunDocument = graphqlDocument({
  name: 'WandbUpdateRun',
  kind: 'mutation',
  operation: 'update run',
  text: `mutation WandbUpdateRun($input: UpsertBucketInput!) {
  upsertBucket(input: $input) {
    bucket { id name tags notes }
  }
}`,
  schema: z.object({
    upsertBucket: z
      .object({
        bucket: z
          .object({
            id: z.string(),
            name: z.string(),
            tags: z.array(z.string()).nullish(),
            notes: z.string().nullish(),
          })
          .nullish(),
      })
      .nullable(),
  }),
});
