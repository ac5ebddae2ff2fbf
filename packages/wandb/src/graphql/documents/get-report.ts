import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { VIEW_FIELDS, ViewNodeSchema } from './view-fields.js';

/**
 * One report by view id, as the SDK's report loader asks (`view(id:)`: wandb/wandb
 * wandb/apis/reports/v2/gql.py, wandb/wandb-workspaces wandb_workspaces/reports/v2/gql.py).
 */
export const GetReportDocument = graphqlDocument({
  name: 'WandbGetReport',
  kind: 'query',
  operation: 'get report',
  text: `query WandbGetReport($id: ID!) {
  view(id: $id) { ${VIEW_FIELDS} }
}`,
  schema: z.object({ view: ViewNodeSchema.nullable() }),
});
