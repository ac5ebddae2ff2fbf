import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PAGE_INFO_FIELDS } from '../page-info.js';
import { ARTIFACT_FIELDS_FRAGMENT, ArtifactConnectionSchema } from './artifact-fields.js';

/** One page of a collection's versions with aliases (SDK: ProjectArtifacts). */
export const ArtifactVersionsDocument = graphqlDocument({
  name: 'WandbArtifactVersions',
  kind: 'query',
  operation: 'list artifact versions',
  text: `query WandbArtifactVersions(
  $entity: String!
  $project: String!
  $type: String!
  $collection: String!
  $first: Int!
  $after: String
) {
  project(name: $project, entityName: $entity) {
    name
    artifactType(name: $type) {
      name
      artifactCollection(name: $collection) {
        name
        artifacts(first: $first, after: $after) {
          totalCount
          edges { cursor version node { ...WandbArtifactFields } }
          ${PAGE_INFO_FIELDS}
        }
      }
    }
  }
}
${ARTIFACT_FIELDS_FRAGMENT}`,
  schema: z.object({
    project: z
      .object({
        name: z.string(),
        artifactType: z
          .object({
            name: z.string(),
            artifactCollection: z
              .object({ name: z.string(), artifacts: ArtifactConnectionSchema.nullish() })
              .nullable(),
          })
          .nullable(),
      })
      .nullable(),
  }),
});
