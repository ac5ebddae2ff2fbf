import { makeRef } from '@mlops-mcp/core';
import type { ArtifactNode } from '../graphql/documents/artifact-fields.js';
import { parseJsonObject } from '../graphql/json-string.js';
import { runRef } from '../runs/map-run.js';
import { mapRunState } from '../runs/map-run-state.js';
import { appPath } from '../shared/app-url.js';
import { shortenValues } from '../shared/shorten-values.js';
import { isoFromWandb } from '../shared/wandb-time.js';
import type { LineageRun, WandbArtifact } from './wandb-artifact.js';

/**
 * Maps an artifact version. Entity and project come from the version's own sequence when the
 * server says (a run may use another project's artifact), else from the project asked.
 */
export function mapArtifact(
  node: ArtifactNode,
  where: { entity: string; project: string; appUrl: string },
): WandbArtifact {
  const entity = node.artifactSequence?.project?.entityName ?? where.entity;
  const project = node.artifactSequence?.project?.name ?? where.project;
  const collection = node.artifactSequence?.name ?? 'unknown';
  const version = typeof node.versionIndex === 'number' ? `v${node.versionIndex}` : undefined;
  const name = version ? `${collection}:${version}` : collection;
  const type = node.artifactType?.name;
  const artifact: WandbArtifact = {
    ref: makeRef('wandb', 'artifact', name, {
      scope: [entity, project],
      url: appPath(
        where.appUrl,
        entity,
        project,
        'artifacts',
        type ?? 'artifact',
        collection,
        version ?? 'latest',
      ),
    }),
    id: node.id,
    name,
    fullName: `${entity}/${project}/${name}`,
    collection,
    aliases: [
      ...new Set(
        (node.aliases ?? [])
          .filter(
            (alias) => !alias.artifactCollection || alias.artifactCollection.name === collection,
          )
          .map((alias) => alias.alias),
      ),
    ],
  };
  if (type) artifact.type = type;
  if (version) artifact.version = version;
  if (node.description) artifact.description = node.description;
  if (node.metadata) {
    const metadata = parseJsonObject(node.metadata);
    if (Object.keys(metadata).length > 0)
      artifact.metadata = shortenValues(metadata).value as Record<string, unknown>;
  }
  if (typeof node.size === 'number') artifact.sizeBytes = node.size;
  if (typeof node.fileCount === 'number') artifact.fileCount = node.fileCount;
  if (node.digest) artifact.digest = node.digest;
  if (node.state) artifact.state = node.state;
  const createdAt = isoFromWandb(node.createdAt);
  if (createdAt) artifact.createdAt = createdAt;
  return artifact;
}

/** A run at one end of an artifact's lineage. */
export function mapLineageRun(
  node: {
    name?: string | null | undefined;
    displayName?: string | null | undefined;
    state?: string | null | undefined;
    project?: { name: string; entityName?: string | null | undefined } | null | undefined;
  },
  where: { entity: string; project: string; appUrl: string },
): LineageRun | undefined {
  if (!node.name) return undefined;
  const entity = node.project?.entityName ?? where.entity;
  const project = node.project?.name ?? where.project;
  const run: LineageRun = { ref: runRef(entity, project, node.name, where.appUrl), id: node.name };
  if (node.displayName) run.name = node.displayName;
  if (node.state) {
    run.rawStatus = node.state;
    run.status = mapRunState(node.state);
  }
  return run;
}
