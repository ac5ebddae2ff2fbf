import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PAGE_INFO_FIELDS, PageInfoSchema } from '../page-info.js';

/**
 * One page of a project's reports: views of type "runs", as the SDK's ProjectViews asks
 * (wandb/apis/public/reports.py), without the heavy `spec` (wandb_get_report reads it).
 */
export const ListReportsDocument = graphqlDocument({
  name: 'WandbListReports',
  kind: 'query',
  operation: 'list reports',
  text: `query WandbListReports($entity: String!, $project: String!, $first: Int!, $after: String) {
  project(name: $project, entityName: $entity) {
    name
    allViews(viewType: "runs", first: $first, after: $after) {
      edges {
        cursor
        node { id name displayName description createdAt updatedAt user { username } }
      }
      ${PAGE_INFO_FIELDS}
    }
  }
}`,
  schema: z.object({
    project: z
      .object({
        name: z.string(),
        allViews: z
          .object({
            edges: z.array(
              z.object({
                cursor: z.string().nullish(),
                node: z
                  .object({
                    id: z.string(),
                    name: z.string().nullish(),
                    displayName: z.string().nullish(),
                    description: z.string().nullish(),
                    createdAt: z.string().nullish(),
                    updatedAt: z.string().nullish(),
                    user: z.object({ username: z.string().nullish() }).nullish(),
                  })
                  .nullish(),
              }),
            ),
            pageInfo: PageInfoSchema,
          })
          .nullish(),
      })
      .nullable(),
  }),
});
