import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { ARTIFACT_FIELDS_FRAGMENT, ArtifactNodeSchema } from './artifact-fields.js';

const LineageRunSchema = z.object({
  name: z.string(),
  displayName: z.string().nullish(),
  state: z.string().nullish(),
  project: z.object({ name: z.string(), entityName: z.string().nullish() }).nullish(),
});

/**
 * One artifact version by `name:alias` or `name:vN`, with lineage: the run that created it and
 * the runs that used it (SDK: ArtifactCreatedBy, ArtifactUsedBy; `usedBy` is selected without
 * arguments as the SDK does, and the adapter caps what it shows).
 */
export const GetArtifactDocument = graphqlDocument({
  name: 'WandbGetArtifact',
  kind: 'query',
  operation: 'get artifact',
  text: `query WandbGetArtifact($entity: String!, $project: String!, $name: String!) {
  project(name: $project, entityName: $entity) {
    name
    artifact(name: $name) {
      ...WandbArtifactFields
      createdBy {
        __typename
        ... on Run { name displayName state project { name entityName } }
      }
      usedBy {
        totalCount
        edges { node { name displayName state project { name entityName } } }
      }
    }
  }
}
${ARTIFACT_FIELDS_FRAGMENT}`,
  schema: z.object({
    project: z
      .object({
        name: z.string(),
        artifact: ArtifactNodeSchema.extend({
          createdBy: z.object({ __typename: z.string() }).and(LineageRunSchema.partial()).nullish(),
          usedBy: z
            .object({
              totalCount: z.number().nullish(),
              edges: z.array(z.object({ node: LineageRunSchema.nullish() })),
            })
            .nullish(),
        }).nullable(),
      })
      .nullable(),
  }),
});
