import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { connectionSchema, PAGE_INFO_FIELDS } from '../page-info.js';

/**
 * Portfolio collections (the W&B Registry's linked collections, and the legacy model
 * registry's) of an entity, filtered by registry project and collection (SDK:
 * RegistryCollections in wandb/wandb tools/graphql_codegen/artifacts/registries.graphql, which
 * asks the organization's `orgEntity`; {@link OrgRegistryCollectionsDocument} does the same).
 */
const COLLECTIONS_SELECTION = `artifactCollections(
      projectFilters: $projectFilters
      filters: $filters
      collectionTypes: [PORTFOLIO]
      first: $first
      after: $after
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          description
          createdAt
          project { name entityName }
          defaultArtifactType { name }
          aliases(first: 20) { edges { node { alias } } }
          artifacts(first: 1) { totalCount }
        }
      }
      ${PAGE_INFO_FIELDS}
    }`;

const CollectionsSchema = connectionSchema(
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullish(),
    createdAt: z.string().nullish(),
    project: z.object({ name: z.string(), entityName: z.string().nullish() }).nullish(),
    defaultArtifactType: z.object({ name: z.string() }).nullish(),
    aliases: z
      .object({
        edges: z.array(z.object({ node: z.object({ alias: z.string() }).nullish() })),
      })
      .nullish(),
    artifacts: z.object({ totalCount: z.number().nullish() }).nullish(),
  }),
).extend({ totalCount: z.number().nullish() });

/** A page of registry collections as both registry documents select it. */
export type RegistryCollectionConnection = z.infer<typeof CollectionsSchema>;

const EntityCollectionsSchema = z.object({
  name: z.string(),
  artifactCollections: CollectionsSchema.nullish(),
});

/** Registry collections of one entity (a team, or the legacy model registry's owner). */
export const RegistryCollectionsDocument = graphqlDocument({
  name: 'WandbRegistryCollections',
  kind: 'query',
  operation: 'list registry collections',
  text: `query WandbRegistryCollections(
  $entity: String!
  $projectFilters: JSONString
  $filters: JSONString
  $first: Int!
  $after: String
) {
  entity(name: $entity) {
    name
    ${COLLECTIONS_SELECTION}
  }
}`,
  schema: z.object({ entity: EntityCollectionsSchema.nullable() }),
});

/** Registry collections of an organization, through its `orgEntity` as the SDK asks. */
export const OrgRegistryCollectionsDocument = graphqlDocument({
  name: 'WandbOrgRegistryCollections',
  kind: 'query',
  operation: 'list registry collections',
  text: `query WandbOrgRegistryCollections(
  $organization: String!
  $projectFilters: JSONString
  $filters: JSONString
  $first: Int!
  $after: String
) {
  organization(name: $organization) {
    name
    orgEntity {
      name
      ${COLLECTIONS_SELECTION}
    }
  }
}`,
  schema: z.object({
    organization: z
      .object({ name: z.string(), orgEntity: EntityCollectionsSchema.nullish() })
      .nullable(),
  }),
});
