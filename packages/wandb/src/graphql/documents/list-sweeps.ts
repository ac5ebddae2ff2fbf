import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { connectionSchema, PAGE_INFO_FIELDS, projectSchema } from '../page-info.js';
import { SWEEP_FIELDS, SweepNodeSchema } from './sweep-fields.js';

/**
 * One page of a project's sweeps (SDK: GetSweeps, without its `filters` argument, which W&B
 * Server only accepts from release 0.81.4 on: wandb/apis/public/sweeps.py).
 */
export const ListSweepsDocument = graphqlDocument({
  name: 'WandbListSweeps',
  kind: 'query',
  operation: 'list sweeps',
  text: `query WandbListSweeps($entity: String!, $project: String!, $first: Int!, $after: String) {
  project(name: $project, entityName: $entity) {
    name
    totalSweeps
    sweeps(first: $first, after: $after) {
      edges { cursor node { ${SWEEP_FIELDS} } }
      ${PAGE_INFO_FIELDS}
    }
  }
}`,
  schema: projectSchema({
    totalSweeps: z.number().nullish(),
    sweeps: connectionSchema(SweepNodeSchema).nullish(),
  }),
});
