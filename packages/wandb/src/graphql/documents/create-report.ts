import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { VIEW_FIELDS, ViewNodeSchema } from './view-fields.js';

/**
 * Creates a report (a view of type "runs") through `upsertView`, as the SDK's `Report.save()`
 * does (wandb/wandb wandb/apis/reports/report.py with UPSERT_VIEW from mutations.py). The
 * bandw reference schema leaves views' mutations out; wandb/weave wb_schema.gql has them.
 */
export const CreateReportDocument = graphqlDocument({
  name: 'WandbCreateReport',
  kind: 'mutation',
  operation: 'create report',
  text: `mutation WandbCreateReport(
  $entityName: String
  $projectName: String
  $name: String
  $displayName: String
  $description: String
  $spec: String!
) {
  upsertView(
    input: {
      entityName: $entityName
      projectName: $projectName
      name: $name
      displayName: $displayName
      description: $description
      type: "runs"
      createdUsing: WANDB_SDK
      spec: $spec
    }
  ) {
    view { ${VIEW_FIELDS} }
    inserted
  }
}`,
  schema: z.object({
    upsertView: z
      .object({ view: ViewNodeSchema.nullish(), inserted: z.boolean().nullish() })
      .nullable(),
  }),
});
