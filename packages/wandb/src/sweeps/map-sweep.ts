import type { SweepNode } from '../graphql/documents/sweep-fields.js';
import { appPath } from '../shared/app-url.js';
import { isoFromWandb } from '../shared/wandb-time.js';
import type { WandbSweep } from './wandb-sweep.js';

/** Maps a sweep node; its URL is `<app>/<entity>/<project>/sweeps/<id>` as the SDK builds it. */
export function mapSweep(
  node: SweepNode,
  where: { entity: string; project: string; appUrl: string },
): WandbSweep {
  const sweep: WandbSweep = {
    id: node.name,
    url: appPath(where.appUrl, where.entity, where.project, 'sweeps', node.name),
  };
  const name = node.displayName ?? node.name;
  if (name) sweep.name = name;
  if (node.state) sweep.state = node.state;
  if (node.method) sweep.method = node.method;
  if (node.description) sweep.description = node.description;
  if (typeof node.bestLoss === 'number') sweep.bestLoss = node.bestLoss;
  if (typeof node.runCount === 'number') sweep.runCount = node.runCount;
  if (typeof node.runCountExpected === 'number') sweep.runCountExpected = node.runCountExpected;
  const createdAt = isoFromWandb(node.createdAt);
  if (createdAt) sweep.createdAt = createdAt;
  const updatedAt = isoFromWandb(node.updatedAt);
  if (updatedAt) sweep.updatedAt = updatedAt;
  return sweep;
}

/**
 * The metric a sweep optimises, read from its YAML config (`metric: {name, goal}`) without a
 * YAML parser: the SDK writes that block in one fixed shape (two indented scalar keys).
 */
export function sweepMetric(
  configYaml: string | null | undefined,
): { name: string; goal: 'minimize' | 'maximize' } | undefined {
  if (!configYaml) return undefined;
  const block = /^metric:\s*\n((?:[ \t]+\S.*\n?)+)/m.exec(configYaml)?.[1] ?? '';
  const name = /^[ \t]+name:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(block)?.[1];
  const goal = /^[ \t]+goal:\s*["']?(minimize|maximize)["']?\s*$/m.exec(block)?.[1];
  if (!name) return undefined;
  return { name, goal: goal === 'maximize' ? 'maximize' : 'minimize' };
}
