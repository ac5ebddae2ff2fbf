import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PAGE_INFO_FIELDS, PageInfoSchema } from '../page-info.js';

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
  schema: z.object({
    project: z
      .object({
        name: z.string(),
        run: z
          .object({
            name: z.string(),
            files: z
              .object({
                edges: z.array(
                  z.object({
                    cursor: z.string().nullish(),
                    node: z
                      .object({
                        id: z.string(),
                        name: z.string(),
                        sizeBytes: z.number().nullish(),
                        mimetype: z.string().nullish(),
                        updatedAt: z.string().nullish(),
                        md5: z.string().nullish(),
                        url: z.string().nullish(),
                      })
                      .nullish(),
                  }),
                ),
                pageInfo: PageInfoSchema,
              })
              .nullish(),
          })
          .nullable(),
      })
      .nullable(),
  }),
});
