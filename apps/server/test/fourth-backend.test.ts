import {
  ADAPTER_SPEC_VERSION,
  type BackendAdapter,
  type BackendId,
  type Experiment,
  type FlowRun,
  makeRef,
  type Orchestration,
  type Run,
  type RunQuery,
  type Trace,
  type Tracing,
  type Tracking,
} from '@mlops-mcp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTools } from '../src/backends/all-tools.js';
import { createGateway, type Gateway } from '../src/index.js';

/**
 * A fourth backend the gateway does not ship: in memory, implementing only core's capability
 * interfaces (Tracking, Tracing, Orchestration). Registered through createGateway's `adapters`
 * option, it must appear in every mlops_* tool with no change to the server.
 */
const MEMORY = 'memory' as BackendId;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const workspace: Experiment = {
  ref: makeRef(MEMORY, 'experiment', 'ws-1'),
  id: 'ws-1',
  name: 'nebula',
};

function run(id: string, status: Run['status'], params: Record<string, string>): Run {
  return {
    ref: makeRef(MEMORY, 'run', id),
    id,
    name: `nebula-${id}`,
    experimentId: workspace.id,
    status,
    rawStatus: status.toUpperCase(),
    startedAt: minutesAgo(30),
    params,
    metrics: { accuracy: status === 'failed' ? 0.1 : 0.93 },
  };
}

const runs: Run[] = [
  run('m-1', 'finished', { lr: '0.01', flow_run_id: 'fr-1' }),
  run('m-2', 'failed', { lr: '0.1' }),
];

const traces: Trace[] = [
  {
    ref: makeRef(MEMORY, 'trace', 't-1'),
    id: 't-1',
    name: 'nebula-agent',
    status: 'error',
    startedAt: minutesAgo(10),
    durationMs: 1200,
  },
];

const flowRun: FlowRun = {
  ref: makeRef(MEMORY, 'flow-run', 'fr-1'),
  id: 'fr-1',
  name: 'nebula-nightly',
  flowId: 'f-1',
  status: 'failed',
  rawStatus: 'FAILED',
  startedAt: minutesAgo(20),
};

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

function matches(candidate: Run, query: RunQuery): boolean {
  const started = Date.parse(candidate.startedAt ?? '');
  if (query.status?.length && !(query.status as string[]).includes(candidate.status)) return false;
  if (query.since && started < query.since.getTime()) return false;
  if (query.before && started >= query.before.getTime()) return false;
  if (query.tag && candidate.params?.[query.tag.key] !== query.tag.value) return false;
  const metric = query.metric && candidate.metrics?.[query.metric.key];
  if (
    query.metric &&
    !(typeof metric === 'number' && COMPARE[query.metric.op]!(metric, query.metric.value))
  )
    return false;
  return true;
}

const tracking: Tracking = {
  scopeNoun: 'workspace',
  async listScopes(fragment) {
    const ids = fragment && !workspace.name.includes(fragment) ? [] : [workspace.id];
    return { ids, capped: false };
  },
  async queryRuns(scopes, query, limit) {
    return runs
      .filter((candidate) => scopes.includes(candidate.experimentId) && matches(candidate, query))
      .slice(0, limit);
  },
  async runsRecording(scopes, key, value) {
    return runs
      .filter((candidate) => scopes.includes(candidate.experimentId))
      .filter((candidate) => candidate.params?.[key] === value)
      .map((found) => ({ run: found, via: `memory param ${key}` }));
  },
  async searchExperiments() {
    return { items: [workspace] };
  },
  async getExperiment() {
    return workspace;
  },
  async searchRuns() {
    return { items: runs };
  },
  async getRun(id) {
    const found = runs.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no run ${id}`);
    return found;
  },
  async getMetricHistory({ runId, key }) {
    const found = await tracking.getRun(runId);
    return {
      run: found.ref,
      key,
      steps: [0, 1, 2],
      values: [0.5, 0.8, 0.93],
      totalPoints: 3,
      downsampled: false,
    };
  },
};

const tracing: Tracing = {
  async queryTraces(query) {
    const found = traces.filter(
      (trace) =>
        (!query.status || trace.status === query.status) &&
        Date.parse(trace.startedAt ?? '') >= query.since.getTime(),
    );
    return { traces: found, olderThanWindow: async () => undefined };
  },
  async searchTraces() {
    return { items: traces };
  },
  async getTrace(id) {
    const trace = traces.find((candidate) => candidate.id === id);
    if (!trace) throw new Error(`no trace ${id}`);
    return {
      ...trace,
      spans: [
        { id: 's-1', name: 'plan', status: 'ok', startedAt: trace.startedAt, durationMs: 400 },
        { id: 's-2', parentId: 's-1', name: 'call-tool', status: 'error', durationMs: 800 },
      ],
    };
  },
};

const orchestration: Orchestration = {
  async listFlows() {
    return { items: [{ ref: makeRef(MEMORY, 'flow', 'f-1'), id: 'f-1', name: 'nebula' }] };
  },
  async listDeployments() {
    return { items: [] };
  },
  async listFlowRuns(params) {
    const wanted = !params.statuses || params.statuses.includes(flowRun.status);
    const since = !params.since || (flowRun.startedAt ?? '') >= params.since;
    const until = !params.until || (flowRun.startedAt ?? '') < params.until;
    return { items: wanted && since && until ? [flowRun] : [] };
  },
  async getFlowRun(id) {
    if (id !== flowRun.id) throw new Error(`no flow run ${id}`);
    return flowRun;
  },
};

const memory: BackendAdapter = {
  specVersion: ADAPTER_SPEC_VERSION,
  backend: MEMORY,
  baseUrl: 'memory://',
  capabilities: { tracking, tracing, orchestration },
  async checkHealth() {
    return { reachable: true, authenticated: true, version: 'memory 1', latencyMs: 0 };
  },
  async close() {},
};

let gateway: Gateway;

beforeAll(() => {
  gateway = createGateway({ toolsets: ['cross'] }, { adapters: [memory] });
});

afterAll(async () => {
  await gateway?.close();
});

async function answer(name: string, args: Record<string, unknown>): Promise<string> {
  const result = await gateway.callTool(name, args);
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return JSON.stringify(result.structuredContent);
}

describe('a fourth backend that only implements the core interfaces', () => {
  it('is offered every mlops_* tool of the catalog', () => {
    const cross = allTools()
      .filter((tool) => tool.name.startsWith('mlops_') && tool.toolsets.includes('cross'))
      .map((tool) => tool.name);
    expect(cross).toHaveLength(8);
    expect(gateway.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(cross));
  });

  it('shows its health and its workspaces in mlops_overview', async () => {
    const overview = JSON.parse(await answer('mlops_overview', {}));
    expect(overview.backends).toContainEqual(
      expect.objectContaining({
        backend: 'memory',
        reachable: true,
        counts: expect.objectContaining({ workspaces: 1, flows: 1 }),
      }),
    );
  });

  it('lists its failed run, error trace and failed flow run in mlops_what_failed', async () => {
    const failed = JSON.parse(await answer('mlops_what_failed', {}));
    expect(failed.items.map((item: { uri: string }) => item.uri).sort()).toEqual([
      'memory://flow-runs/fr-1',
      'memory://runs/m-2',
      'memory://traces/t-1',
    ]);
  });

  it('answers mlops_search_runs with its runs, ranked with the rest', async () => {
    const found = JSON.parse(
      await answer('mlops_search_runs', { metric: { key: 'accuracy', op: '>', value: 0.5 } }),
    );
    expect(found.items.map((item: { uri: string }) => item.uri)).toEqual(['memory://runs/m-1']);
    expect(found.searched.memory).toEqual({ scopes: 1, capped: false, matched: 1 });
  });

  it('compares its runs by ref uri in mlops_compare_runs', async () => {
    const compared = JSON.parse(
      await answer('mlops_compare_runs', { runs: ['memory://runs/m-1', 'memory://runs/m-2'] }),
    );
    expect(compared.differingParams).toContainEqual({ key: 'lr', values: ['0.01', '0.1'] });
  });

  it('answers mlops_search_traces with its traces', async () => {
    const found = JSON.parse(await answer('mlops_search_traces', { status: 'error' }));
    expect(found.items.map((item: { uri: string }) => item.uri)).toEqual(['memory://traces/t-1']);
  });

  it('follows lineage from its flow run to the run that recorded it in mlops_find_lineage', async () => {
    const lineage = JSON.parse(
      await answer('mlops_find_lineage', { uri: 'memory://flow-runs/fr-1' }),
    );
    expect(lineage.links).toEqual([
      expect.objectContaining({
        backend: 'memory',
        uri: 'memory://runs/m-1',
        via: 'memory param flow_run_id',
      }),
    ]);
  });

  it('plots its metric history in mlops_plot_metrics', async () => {
    const plotted = JSON.parse(
      await answer('mlops_plot_metrics', { runs: ['memory://runs/m-1'], keys: ['accuracy'] }),
    );
    expect(plotted.series[0]).toMatchObject({ key: 'accuracy', values: [0.5, 0.8, 0.93] });
  });

  it('draws its trace in mlops_plot_trace', async () => {
    const plotted = JSON.parse(await answer('mlops_plot_trace', { trace: 'memory://traces/t-1' }));
    expect(plotted.trace.spans.map((span: { name: string }) => span.name)).toEqual([
      'plan',
      'call-tool',
    ]);
  });
});
