import {
  type BackendAdapter,
  InvalidInputError,
  type Orchestration,
  type Run,
  type Tracking,
} from '@mlops-mcp/core';
import { z } from 'zod';
import { absentCaveats } from '../absent-backends.js';
import { type CrossContext, defineCrossTool } from '../cross-context.js';
import { CaveatSchema, fanOut } from '../fan-out.js';
import {
  FLOW_RUN_ID_KEYS,
  FLOW_RUN_NAME_KEYS,
  flowRunNameLink,
  flowRunUri,
  LINEAGE_CONVENTIONS,
  LINEAGE_ORCHESTRATOR,
} from '../lineage-conventions.js';
import { refTarget } from '../ref-target.js';
import { trackingScopes } from '../tracking-scopes.js';

const LinkSchema = z.object({
  backend: z.string(),
  kind: z.string(),
  uri: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  via: z
    .string()
    .describe('Which recorded key linked the two, e.g. "MLflow tag prefect.flow_run_id".'),
});
type Link = z.infer<typeof LinkSchema>;

/** ML runs (MLflow, W&B) that recorded this flow run's id or name under a known key. */
async function runsOfFlowRun(
  adapter: BackendAdapter,
  flowRun: { id: string; name: string },
  signal: AbortSignal,
): Promise<Link[]> {
  const tracking = adapter.capabilities.tracking as Tracking;
  const { ids } = await trackingScopes(adapter, tracking, undefined, { signal });
  if (ids.length === 0) return [];
  const lookups = [
    ...FLOW_RUN_ID_KEYS.map((key) => ({ key, value: flowRun.id })),
    ...FLOW_RUN_NAME_KEYS.map((key) => ({ key, value: flowRun.name })),
  ];
  const links = new Map<string, Link>();
  for (const { key, value } of lookups) {
    for (const { run, via } of await tracking.runsRecording(ids, key, value, { signal })) {
      if (links.has(run.ref.uri)) continue;
      links.set(run.ref.uri, {
        backend: adapter.backend,
        kind: 'run',
        uri: run.ref.uri,
        ...(run.name ? { name: run.name } : {}),
        status: run.status,
        via,
      });
    }
  }
  return [...links.values()];
}

/** The flow runs an ML run recorded under a known key. */
async function flowRunsOfRun(
  run: Run,
  orchestrator: BackendAdapter | undefined,
  signal: AbortSignal,
): Promise<Link[]> {
  const recorded = { ...(run.params ?? {}), ...(run.tags ?? {}) };
  const links: Link[] = [];
  const orchestration = orchestrator?.capabilities.orchestration;
  const backend = orchestrator?.backend ?? LINEAGE_ORCHESTRATOR.backend;
  for (const key of FLOW_RUN_ID_KEYS) {
    const id = recorded[key];
    if (!id) continue;
    if (!orchestration) {
      links.push({
        backend,
        kind: 'flow-run',
        uri: flowRunUri(id),
        via: `${run.ref.backend} ${key} (${LINEAGE_ORCHESTRATOR.label} not enabled)`,
      });
      continue;
    }
    const flowRun = await orchestration.getFlowRun(id, { signal });
    links.push({
      backend,
      kind: 'flow-run',
      uri: flowRun.ref.uri,
      name: flowRun.name,
      status: flowRun.status,
      via: `${run.ref.backend} ${key}`,
    });
  }
  for (const key of FLOW_RUN_NAME_KEYS) {
    const name = recorded[key];
    if (name && links.length === 0) {
      const { uri, how } = flowRunNameLink(name);
      links.push({
        backend,
        kind: 'flow-run-name',
        uri,
        name,
        via: `${run.ref.backend} ${key} (${how})`,
      });
    }
  }
  return links;
}

function sourceOf(uri: string, client: CrossContext) {
  const { backend, target } = refTarget(uri, client, ['run', 'flow-run']);
  if (!backend) {
    throw new InvalidInputError(`"${uri.slice(0, 120)}" is not a run or flow run ref uri.`, {
      field: 'uri',
      hint: 'Pass a ref.uri such as prefect://flow-runs/<id>, mlflow://runs/<id> or wandb://<entity>/<project>/runs/<id>.',
    });
  }
  if (!target)
    throw new InvalidInputError(`The ${backend} backend is not enabled.`, { field: 'uri' });
  return target;
}

/** mlops_find_lineage: from a Prefect flow run to the ML runs it produced, or back. */
export const findLineageTool = defineCrossTool({
  name: 'mlops_find_lineage',
  title: 'Follow lineage between flow runs and ML runs',
  description:
    'Link a Prefect flow run to the MLflow/W&B runs it produced, or back, via a run tag, param or config key [prefect.|prefect_]flow_run_id or flow_run_name.',
  namespace: 'mlops',
  needs: ['tracking', 'orchestration'],
  toolsets: ['cross'],
  access: 'read',
  inputSchema: z.object({
    uri: z.string().min(1).max(300).describe('A flow run or run ref.uri.'),
  }),
  outputSchema: z.object({
    source: z.object({ uri: z.string(), name: z.string().optional() }),
    links: z.array(LinkSchema),
    conventions: z.array(z.string()),
    caveats: z.array(CaveatSchema),
  }),
  async handler(input, { client, signal, progress }) {
    const { adapter, kind, id } = sourceOf(input.uri, client);
    if (kind === 'flow-run') {
      const flowRun = await (adapter.capabilities.orchestration as Orchestration).getFlowRun(id, {
        signal,
      });
      const trackers = [...client.adapters.values()].filter(
        (candidate) => candidate.capabilities.tracking,
      );
      const { results, caveats } = await fanOut(
        trackers,
        (tracker, backendSignal) =>
          runsOfFlowRun(tracker, { id: flowRun.id, name: flowRun.name }, backendSignal),
        { signal, progress },
      );
      return {
        source: { uri: flowRun.ref.uri, name: flowRun.name },
        links: results.flatMap((result) => result.value),
        conventions: LINEAGE_CONVENTIONS,
        caveats: [...absentCaveats(client, 'tracking', 'its runs were not searched'), ...caveats],
      };
    }
    const tracking = adapter.capabilities.tracking as Tracking;
    const run = await tracking.getRun(id, { signal });
    const orchestrator = [...client.adapters.values()].find(
      (candidate) => candidate.capabilities.orchestration,
    );
    const links = await flowRunsOfRun(run, orchestrator, signal);
    return {
      source: { uri: run.ref.uri, ...(run.name ? { name: run.name } : {}) },
      links,
      conventions: LINEAGE_CONVENTIONS,
      caveats: absentCaveats(client, 'orchestration', 'flow runs could not be read'),
    };
  },
});
