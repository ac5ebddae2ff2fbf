import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PAGE_INFO_FIELDS, PageInfoSchema } from '../page-info.js';

/**
 * A project's artifact types, each with its first collections and their aliases (SDK:
 * ProjectArtifactTypes, ArtifactTypeArtifactCollections). Versions of one collection come from
 * {@link ArtifactVersionsDocument}.
 */
export const ProjectArtifactTypesDocument = graphqlDocument({
  name: 'WandbProjectArtifactTypes',
  kind: 'query',
  operation: 'list artifact types',
  text: `query WandbProjectArtifactTypes(
  $entity: String!
  $project: String!
  $types: Int!
  $collections: Int!
) {
  project(name: $project, entityName: $entity) {
    name
    artifactTypes(first: $types) {
      edges {
        node {
          name
          description
          artifactCollections(first: $collections) {
            totalCount
            edges {
              node {
                name
                description
                createdAt
                aliases(first: 20) { edges { node { alias } } }
              }
            }
            ${PAGE_INFO_FIELDS}
          }
        }
      }
      ${PAGE_INFO_FIELDS}
    }
  }
}`,
  schema: z.object({
    project: z
      .object({
        name: z.string(),
        artifactTypes: z
          .object({
            edges: z.array(
              z.object({
                node: z
                  .object({
                    name: z.string(),
                    description: z.string().nullish(),
                    artifactCollections: z
                      .object({
                        totalCount: z.number().nullish(),
                        edges: z.array(
                          z.object({
                            node: z
                              .object({
                                name: z.string(),
                                description: z.string().nullish(),
                                createdAt: z.string().nullish(),
                                aliases: z
                                  .object({
                                    edges: z.array(
                                      z.object({
                                        node: z.object({ alias: z.string() }).nullish(),
                                      }),
                                    ),
                                  })
                                  .nullish(),
                              })
                              .nullish(),
                          }),
                        ),
                        pageInfo: PageInfoSchema,
                      })
                      .nullish(),
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
