import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PAGE_INFO_FIELDS, PageInfoSchema } from '../page-info.js';
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
  schema: z.object({
    project: z
      .object({
        name: z.string(),
        totalSweeps: z.number().nullish(),
        sweeps: z
          .object({
            edges: z.array(
              z.object({ cursor: z.string().nullish(), node: SweepNodeSchema.nullish() }),
            ),
            pageInfo: PageInfoSchema,
          })
          .nullish(),
      })
      .nullable(),
  }),
});
