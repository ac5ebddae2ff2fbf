import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { connectionSchema, PAGE_INFO_FIELDS, projectSchema } from '../page-info.js';

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
  schema: projectSchema({
    allViews: connectionSchema(
      z.object({
        id: z.string(),
        name: z.string().nullish(),
        displayName: z.string().nullish(),
        description: z.string().nullish(),
        createdAt: z.string().nullish(),
        updatedAt: z.string().nullish(),
        user: z.object({ username: z.string().nullish() }).nullish(),
      }),
    ).nullish(),
  }),
});
