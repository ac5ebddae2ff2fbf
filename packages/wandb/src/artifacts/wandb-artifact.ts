import { EntityRefSchema, RunStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** One artifact version. */
export const WandbArtifactSchema = z.object({
  ref: EntityRefSchema,
  id: z.string().describe('W&B storage id of the version.'),
  name: z.string().describe('"<collection>:v<N>", for wandb_get_artifact with entity and project.'),
  fullName: z.string().describe('"<entity>/<project>/<collection>:v<N>".'),
  type: z.string().optional(),
  collection: z.string(),
  version: z.string().optional().describe('"v<N>"'),
  aliases: z.array(z.string()),
  description: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  sizeBytes: z.number().optional(),
  fileCount: z.number().optional(),
  digest: z.string().optional(),
  state: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
});
export type WandbArtifact = z.infer<typeof WandbArtifactSchema>;

/** A run on either end of an artifact's lineage. */
export const LineageRunSchema = z.object({
  ref: EntityRefSchema,
  id: z.string(),
  name: z.string().optional(),
  status: RunStatusSchema.optional(),
  rawStatus: z.string().optional(),
});
export type LineageRun = z.infer<typeof LineageRunSchema>;

/** An artifact version with the run that created it and the runs that used it. */
export const WandbArtifactDetailSchema = WandbArtifactSchema.extend({
  createdBy: LineageRunSchema.optional().describe('The run that logged this version.'),
  usedBy: z.object({
    items: z.array(LineageRunSchema),
    totalCount: z.number().optional(),
    truncated: z.boolean().optional(),
  }),
});
export type WandbArtifactDetail = z.infer<typeof WandbArtifactDetailSchema>;

/** A collection (sequence of versions) with its aliases, for project-level listings. */
export const WandbArtifactCollectionSchema = z.object({
  name: z.string(),
  type: z.string(),
  description: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  aliases: z.array(z.string()),
  versionCount: z.number().optional(),
});
export type WandbArtifactCollection = z.infer<typeof WandbArtifactCollectionSchema>;

/** An artifact type with its first collections. */
export const WandbArtifactTypeSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  collections: z.array(WandbArtifactCollectionSchema),
  collectionCount: z.number().optional(),
  moreCollections: z.boolean().optional().describe('More collections exist than shown.'),
});
export type WandbArtifactType = z.infer<typeof WandbArtifactTypeSchema>;

/** A registry collection: a portfolio of linked versions. */
export const WandbRegistryCollectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  registry: z.string().describe('The registry project, e.g. "wandb-registry-model".'),
  entity: z.string().optional(),
  type: z.string().optional(),
  description: z.string().optional(),
  createdAt: z.string().optional().describe('ISO 8601'),
  aliases: z.array(z.string()),
  versionCount: z.number().optional(),
});
export type WandbRegistryCollection = z.infer<typeof WandbRegistryCollectionSchema>;
