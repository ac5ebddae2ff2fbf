import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { SWEEP_FIELDS, SweepNodeSchema } from './sweep-fields.js';

/** One sweep by its id (the short name in its URL), as the SDK's GetSweep asks. */
export const GetSweepDocument = graphqlDocument({
  name: 'WandbGetSweep',
  kind: 'query',
  operation: 'get sweep',
  text: `query WandbGetSweep($entity: String!, $project: String!, $sweep: String!) {
  project(name: $project, entityName: $entity) {
    name
    sweep(sweepName: $sweep) { ${SWEEP_FIELDS} }
  }
}`,
  schema: z.object({
    project: z.object({ name: z.string(), sweep: SweepNodeSchema.nullable() }).nullable(),
  }),
});
