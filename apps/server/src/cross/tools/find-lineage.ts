import {
  type BackendAdapter,
  InvalidInputError,
  type Orchestration,
  parseEntityUri,
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
  LINEAGE_CONVENTIONS,
} from '../lineage-conventions.js';
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

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

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
  const add = (run: Run, via: string) => {
    if (!links.has(run.ref.uri)) {
      links.set(run.ref.uri, {
        backend: adapter.backend,
        kind: 'run',
        uri: run.ref.uri,
        ...(run.name ? { name: run.name } : {}),
        status: run.status,
        via,
      });
    }
  };
  for (const { key, value } of lookups) {
    if (adapter.backend === 'mlflow') {
      for (const kind of ['tags', 'params'] as const) {
        const page = await tracking.searchRuns(
          {
            experimentIds: ids.slice(0, 100),
            filter: `${kind}.\`${key}\` = ${quote(value)}`,
            limit: 50,
          },
          { signal },
        );
        for (const run of page.items)
          add(run, `MLflow ${kind === 'tags' ? 'tag' : 'param'} ${key}`);
      }
    } else {
      for (const id of ids) {
        const filter = JSON.stringify({ [`config.${key}.value`]: value });
        const page = await tracking.searchRuns(
          { experimentIds: [id], filter, limit: 50 },
          { signal },
        );
        for (const run of page.items) add(run, `W&B config ${key}`);
      }
    }
  }
  return [...links.values()];
}

/** The flow runs an ML run recorded under a known key. */
async function flowRunsOfRun(
  run: Run,
  prefect: BackendAdapter | undefined,
  signal: AbortSignal,
): Promise<Link[]> {
  const recorded = { ...(run.params ?? {}), ...(run.tags ?? {}) };
  const links: Link[] = [];
  const orchestration = prefect?.capabilities.orchestration as Orchestration | undefined;
  for (const key of FLOW_RUN_ID_KEYS) {
    const id = recorded[key];
    if (!id) continue;
    if (!orchestration) {
      links.push({
        backend: 'prefect',
        kind: 'flow-run',
        uri: `prefect://flow-runs/${id}`,
        via: `${run.ref.backend} ${key} (Prefect not enabled)`,
      });
      continue;
    }
    const flowRun = await orchestration.getFlowRun(id, { signal });
    links.push({
      backend: 'prefect',
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
      links.push({
        backend: 'prefect',
        kind: 'flow-run-name',
        uri: `prefect://flow-runs/?name=${encodeURIComponent(name)}`,
        name,
        via: `${run.ref.backend} ${key} (by name: find it with prefect_list_flow_runs)`,
      });
    }
  }
  return links;
}

function sourceOf(uri: string, client: CrossContext) {
  const parsed = parseEntityUri(uri);
  if (!parsed || (parsed.kind !== 'run' && parsed.kind !== 'flow-run')) {
    throw new InvalidInputError(`"${uri.slice(0, 120)}" is not a run or flow run ref uri.`, {
      field: 'uri',
      hint: 'Pass a ref.uri such as prefect://flow-runs/<id>, mlflow://runs/<id> or wandb://<entity>/<project>/runs/<id>.',
    });
  }
  const adapter = client.adapters.get(parsed.backend);
  if (!adapter)
    throw new InvalidInputError(`The ${parsed.backend} backend is not enabled.`, { field: 'uri' });
  return { parsed, adapter };
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
    const { parsed, adapter } = sourceOf(input.uri, client);
    if (parsed.kind === 'flow-run') {
      const flowRun = await (adapter.capabilities.orchestration as Orchestration).getFlowRun(
        parsed.id,
        { signal },
      );
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
    const id = parsed.backend === 'wandb' ? [...parsed.scope, parsed.id].join('/') : parsed.id;
    const run = await tracking.getRun(id, { signal });
    const links = await flowRunsOfRun(run, client.adapters.get('prefect'), signal);
    return {
      source: { uri: run.ref.uri, ...(run.name ? { name: run.name } : {}) },
      links,
      conventions: LINEAGE_CONVENTIONS,
      caveats: absentCaveats(client, 'orchestration', 'flow runs could not be read'),
    };
  },
});
