import { z } from 'zod';

/**
 * The artifact-version fields the adapter reads, after the SDK's ArtifactFragment
 * (wandb/wandb tools/graphql_codegen/artifacts/artifacts.graphql).
 */
export const ARTIFACT_FIELDS_FRAGMENT = `fragment WandbArtifactFields on Artifact {
  id
  digest
  state
  description
  metadata
  versionIndex
  commitHash
  size
  fileCount
  createdAt
  updatedAt
  artifactType { name }
  artifactSequence { name project { name entityName } }
  aliases { alias artifactCollection { name } }
}`;

/** An `Artifact` selected with {@link ARTIFACT_FIELDS_FRAGMENT}. */
export const ArtifactNodeSchema = z.object({
  id: z.string(),
  digest: z.string().nullish(),
  state: z.string().nullish(),
  description: z.string().nullish(),
  metadata: z.string().nullish(),
  versionIndex: z.number().nullish(),
  commitHash: z.string().nullish(),
  size: z.number().nullish(),
  fileCount: z.number().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  artifactType: z.object({ name: z.string() }).nullish(),
  artifactSequence: z
    .object({
      name: z.string(),
      project: z.object({ name: z.string(), entityName: z.string().nullish() }).nullish(),
    })
    .nullish(),
  aliases: z
    .array(
      z.object({
        alias: z.string(),
        artifactCollection: z.object({ name: z.string() }).nullish(),
      }),
    )
    .nullish(),
});
export type ArtifactNode = z.infer<typeof ArtifactNodeSchema>;

/** A connection of artifact versions as the paged artifact documents select it. */
export const ArtifactConnectionSchema = z.object({
  totalCount: z.number().nullish(),
  edges: z.array(
    z.object({
      cursor: z.string().nullish(),
      version: z.string().nullish(),
      node: ArtifactNodeSchema.nullish(),
    }),
  ),
  pageInfo: z.object({ endCursor: z.string().nullish(), hasNextPage: z.boolean() }),
});
