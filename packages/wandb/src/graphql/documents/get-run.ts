import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { RUN_FIELDS_FRAGMENT, RunNodeSchema } from './run-fields.js';

/** One run in full, with its latest system metrics (SDK: GetRun with RunFragment). */
export const GetRunDocument = graphqlDocument({
  name: 'WandbGetRun',
  kind: 'query',
  operation: 'get run',
  text: `query WandbGetRun($entity: String!, $project: String!, $run: String!) {
  project(name: $project, entityName: $entity) {
    name
    run(name: $run) {
      ...WandbRunFields
      ... on Run { systemMetrics }
    }
  }
}
${RUN_FIELDS_FRAGMENT}`,
  schema: z.object({
    project: z.object({ name: z.string(), run: RunNodeSchema.nullable() }).nullable(),
  }),
});
