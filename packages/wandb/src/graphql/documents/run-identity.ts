import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { projectSchema } from '../page-info.js';

/** A run's storage id, tags and notes: what an update needs before it writes. */
export const RunIdentityDocument = graphqlDocument({
  name: 'WandbRunIdentity',
  kind: 'query',
  operation: 'get run tags',
  text: `query WandbRunIdentity($entity: String!, $project: String!, $run: String!) {
  project(name: $project, entityName: $entity) {
    name
    run(name: $run) { id name tags notes }
  }
}`,
  schema: projectSchema({
    run: z
      .object({
        id: z.string(),
        name: z.string(),
        tags: z.array(z.string()).nullish(),
        notes: z.string().nullish(),
      })
      .nullable(),
  }),
});
