import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { connectionSchema, PAGE_INFO_FIELDS, projectSchema } from '../page-info.js';
import { RUN_FIELDS_FRAGMENT, RunNodeSchema } from './run-fields.js';

/**
 * One page of a project's runs with W&B's Mongo-style `filters` (a JSON string) and `order`
 * (e.g. "-summary_metrics.acc"), as the SDK's GetRuns sends them.
 */
export const SearchRunsDocument = graphqlDocument({
  name: 'WandbSearchRuns',
  kind: 'query',
  operation: 'search runs',
  text: `query WandbSearchRuns(
  $entity: String!
  $project: String!
  $filters: JSONString
  $order: String
  $first: Int!
  $after: String
) {
  project(name: $project, entityName: $entity) {
    name
    runs(filters: $filters, order: $order, first: $first, after: $after) {
      totalCount
      edges { cursor node { ...WandbRunFields } }
      ${PAGE_INFO_FIELDS}
    }
  }
}
${RUN_FIELDS_FRAGMENT}`,
  schema: projectSchema({
    runs: connectionSchema(RunNodeSchema).extend({ totalCount: z.number().nullish() }).nullish(),
  }),
});
