import { type Experiment, makeRef } from '@mlops-mcp/core';
import type { ProjectNode } from '../graphql/documents/project-fields.js';
import { appPath } from '../shared/app-url.js';
import { isoFromWandb } from '../shared/wandb-time.js';
import type { WandbProject } from './wandb-project.js';

/** Maps a project node; `entity` is the one asked for when the node does not say. */
export function mapProject(
  node: ProjectNode & { runCount?: number | null | undefined },
  entity: string,
  appUrl: string,
): WandbProject {
  const owner = node.entityName ?? entity;
  const project: WandbProject = {
    ref: makeRef('wandb', 'experiment', node.name, {
      scope: [owner],
      url: appPath(appUrl, owner, node.name),
    }),
    id: `${owner}/${node.name}`,
    name: node.name,
    entity: owner,
  };
  if (node.description) project.description = node.description;
  const createdAt = isoFromWandb(node.createdAt);
  if (createdAt) project.createdAt = createdAt;
  const updatedAt = isoFromWandb(node.updatedAt);
  if (updatedAt) project.updatedAt = updatedAt;
  if (typeof node.runCount === 'number') project.runCount = node.runCount;
  return project;
}

/** The neutral Experiment of a W&B project (id "<entity>/<project>"). */
export function toExperiment(project: WandbProject): Experiment {
  const experiment: Experiment = { ref: project.ref, id: project.id, name: project.name };
  if (project.createdAt) experiment.createdAt = project.createdAt;
  if (project.updatedAt) experiment.updatedAt = project.updatedAt;
  if (project.description) experiment.tags = { description: project.description };
  return experiment;
}
