import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { connectionSchema, PAGE_INFO_FIELDS, projectSchema } from '../page-info.js';

/**
 * One page of a run's files (SDK: GetRunFiles). `url(upload: false)` is the API download URL;
 * `directUrl` (a signed storage URL) is deliberately not selected.
 */
export const RunFilesDocument = graphqlDocument({
  name: 'WandbRunFiles',
  kind: 'query',
  operation: 'list run files',
  text: `query WandbRunFiles(
  $entity: String!
  $project: String!
  $run: String!
  $first: Int!
  $after: String
  $pattern: String
) {
  project(name: $project, entityName: $entity) {
    name
    run(name: $run) {
      name
      files(first: $first, after: $after, pattern: $pattern) {
        edges { cursor node { id name sizeBytes mimetype updatedAt md5 url(upload: false) } }
        ${PAGE_INFO_FIELDS}
      }
    }
  }
}`,
  schema: projectSchema({
    run: z
      .object({
        name: z.string(),
        files: connectionSchema(
          z.object({
            id: z.string(),
            name: z.string(),
            sizeBytes: z.number().nullish(),
            mimetype: z.string().nullish(),
            updatedAt: z.string().nullish(),
            md5: z.string().nullish(),
            url: z.string().nullish(),
          }),
        ).nullish(),
      })
      .nullable(),
  }),
});
