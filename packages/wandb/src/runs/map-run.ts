import { makeRef } from '@mlops-mcp/core';
import type { RunNode } from '../graphql/documents/run-fields.js';
import { parseJsonObject, toNumber } from '../graphql/json-string.js';
import { appPath } from '../shared/app-url.js';
import { shortenValues } from '../shared/shorten-values.js';
import { isoFromWandb, millisFromWandb } from '../shared/wandb-time.js';
import { unwrapConfig } from './map-config.js';
import { mapRunState } from './map-run-state.js';
import { cleanSummary } from './map-summary.js';
import type { WandbRun } from './wandb-run.js';

/** How to shape a mapped run. */
export interface RunShape {
  entity: string;
  project: string;
  appUrl: string;
  /** Keep `_`-prefixed summary keys. */
  includeInternal?: boolean;
  /** Leave config and summary out (list views that asked for a projection without them). */
  withData?: boolean;
}

/** The ref of a run: `wandb://<entity>/<project>/runs/<id>` with its app URL. */
export function runRef(entity: string, project: string, runId: string, appUrl: string) {
  return makeRef('wandb', 'run', runId, {
    scope: [entity, project],
    url: appPath(appUrl, entity, project, 'runs', runId),
  });
}

/** Maps a GraphQL run node to the W&B run the tools show. */
export function mapRun(node: RunNode, shape: RunShape): WandbRun {
  const rawSummary = parseJsonObject(node.summaryMetrics);
  const run: WandbRun = {
    ref: runRef(shape.entity, shape.project, node.name, shape.appUrl),
    id: node.name,
    entity: shape.entity,
    project: shape.project,
    status: mapRunState(node.state),
    rawStatus: node.state ?? 'unknown',
    tags: node.tags ?? [],
  };
  if (node.displayName) run.name = node.displayName;
  const createdAt = isoFromWandb(node.createdAt);
  if (createdAt) run.createdAt = createdAt;
  const heartbeatAt = isoFromWandb(node.heartbeatAt);
  if (heartbeatAt) run.heartbeatAt = heartbeatAt;
  const durationMs = runDurationMs(node, rawSummary);
  if (durationMs !== undefined) run.durationMs = durationMs;
  const lastStep = toNumber(rawSummary._step);
  if (lastStep !== undefined && Number.isFinite(lastStep)) run.lastStep = lastStep;
  if (typeof node.historyLineCount === 'number') run.historyLineCount = node.historyLineCount;
  const user = node.user?.username ?? node.user?.name;
  if (user) run.user = user;
  if (node.host) run.host = node.host;
  if (node.group) run.group = node.group;
  if (node.jobType) run.jobType = node.jobType;
  if (node.sweepName) run.sweep = node.sweepName;
  if (node.notes) run.notes = node.notes;
  if (node.description) run.description = node.description;
  if (node.commit) run.commit = node.commit;
  if (shape.withData !== false) {
    let truncated = false;
    if (node.config !== undefined && node.config !== null) {
      const config = shortenValues(unwrapConfig(parseJsonObject(node.config)));
      run.config = config.value as Record<string, unknown>;
      truncated ||= config.truncated;
    }
    if (node.summaryMetrics !== undefined && node.summaryMetrics !== null) {
      const summary = shortenValues(cleanSummary(rawSummary, shape.includeInternal ?? false));
      run.summary = summary.value as Record<string, unknown>;
      truncated ||= summary.truncated;
    }
    if (node.systemMetrics) run.systemMetrics = parseJsonObject(node.systemMetrics);
    if (truncated) run.textTruncated = true;
  }
  return run;
}

/**
 * Run time: the summary's `_runtime` (seconds the process ran, written by the SDK), else the
 * time from creation to the last heartbeat.
 */
function runDurationMs(node: RunNode, summary: Record<string, unknown>): number | undefined {
  const runtime = toNumber(summary._runtime);
  if (runtime !== undefined && Number.isFinite(runtime)) return Math.round(runtime * 1000);
  const created = millisFromWandb(node.createdAt);
  const heartbeat = millisFromWandb(node.heartbeatAt);
  return created !== undefined && heartbeat !== undefined ? heartbeat - created : undefined;
}
