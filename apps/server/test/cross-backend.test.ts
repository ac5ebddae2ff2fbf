import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  childEnv,
  type FaultProxy,
  OFFLINE_PYTHON_ENV,
  pinnedVersion,
  pythonEnv,
  runCapture,
  startFaultProxy,
} from '@mlops-mcp/testkit';
import { uniqueName } from '@mlops-mcp/testkit/vitest';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../src/index.js';
import { sharedAllBackends } from './all-backends.js';

/**
 * Every backend at once: real MLflow, real Prefect, real Weave and the W&B stand-in, behind one
 * in-process gateway and a real MCP client (so progress notifications are observed).
 */
const backends = sharedAllBackends();
const { mlflow, prefect, weave } = backends;
// Prefect is reached through a proxy, so one test can take it down without stopping the shared server.
let prefectProxy: FaultProxy;
/** An MLflow run of this file's own, tagged with the completed Prefect flow run (lineage). */
let linkedRunId: string;

/** Creates an MLflow run in an experiment of its own, tagged `prefect.flow_run_id` (REST API). */
async function createLinkedRun(flowRunId: string): Promise<string> {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${mlflow.url}/api/2.0/mlflow/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { experiment_id } = await post<{ experiment_id: string }>('experiments/create', {
    name: uniqueName('lineage'),
  });
  const { run } = await post<{ run: { info: { run_id: string } } }>('runs/create', {
    experiment_id,
    run_name: 'trained-by-prefect',
    tags: [{ key: 'prefect.flow_run_id', value: flowRunId }],
  });
  return run.info.run_id;
}
let gateway: Gateway;
let client: Client;

type Structured = Record<string, unknown>;
async function call(
  name: string,
  args: Record<string, unknown>,
  onprogress?: () => void,
): Promise<Structured> {
  const result = await client.callTool(
    { name, arguments: args },
    onprogress ? { onprogress } : undefined,
  );
  expect(result.isError, JSON.stringify(result.content).slice(0, 500)).toBeFalsy();
  return result.structuredContent as Structured;
}

beforeAll(async () => {
  prefectProxy = await startFaultProxy({ target: prefect.url });
  linkedRunId = await createLinkedRun(prefect.seed.flowRuns.completed);
  // The default profile plus the charts, which it leaves out.
  gateway = createGateway(
    backends.gatewayConfig({ toolsets: ['default', 'charts'] }, prefectProxy.url),
  );
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await gateway.createServer().connect(serverSide);
  client = new Client({ name: 'cross-backend', version: '1.0.0' });
  await client.connect(clientSide);
});

afterAll(async () => {
  await client?.close();
  await gateway?.close();
  await prefectProxy?.stop();
});

/** Logs an MLflow error trace that started `daysAgo` days ago, with MLflow's own client. */
async function logOldErrorTrace(trackingUri: string, daysAgo: number): Promise<string> {
  const script = join(tmpdir(), `old-error-trace-${process.pid}.py`);
  await writeFile(
    script,
    [
      'import json, time, mlflow',
      `exp = mlflow.set_experiment("${uniqueName('nightly-agent-eval')}")`,
      `t0 = int((time.time() - ${daysAgo} * 86400) * 1e9)`,
      'span = mlflow.start_span_no_context("nightly-agent", inputs={"q": "x"}, experiment_id=exp.experiment_id, start_time_ns=t0)',
      'span.end(status="ERROR", end_time_ns=t0 + 5_000_000)',
      'print(json.dumps({"traceId": span.trace_id}))',
    ].join('\n'),
  );
  const py = await pythonEnv();
  const env = childEnv(['MLFLOW_'], {
    ...OFFLINE_PYTHON_ENV,
    MLFLOW_TRACKING_URI: trackingUri,
    MLFLOW_ENABLE_ASYNC_TRACE_LOGGING: 'false',
  });
  const { stdout } = await runCapture(py.bin('python'), [script], env, 120_000);
  return (JSON.parse(stdout.trim().split('\n').pop()!) as { traceId: string }).traceId;
}

describe('a default time window that hides older data', () => {
  let oldTraceId: string;
  beforeAll(async () => {
    oldTraceId = await logOldErrorTrace(mlflow.url, 3);
  });

  it('reports error traces older than the default window, and the since that reaches them', async () => {
    const result = (await call('mlops_search_traces', { status: 'error' })) as {
      items: { id: string }[];
      olderThanWindow?: { backend: string; id: string }[];
      caveats: { backend: string; kind: string; message: string }[];
    };
    expect(result.items.map((item) => item.id)).not.toContain(oldTraceId);
    expect(result.olderThanWindow).toContainEqual(
      expect.objectContaining({ backend: 'mlflow', id: oldTraceId }),
    );
    expect(result.caveats).toContainEqual({
      backend: 'mlflow',
      kind: 'older_than_window',
      message: expect.stringContaining('since "4d"'),
    });
  });

  it('reports failures older than the default window in mlops_what_failed', async () => {
    const result = (await call('mlops_what_failed', {})) as {
      olderThanWindow?: { backend: string; kind: string; uri: string }[];
      caveats: { backend: string; kind: string }[];
    };
    expect(result.olderThanWindow).toContainEqual(
      expect.objectContaining({
        backend: 'mlflow',
        kind: 'trace',
        uri: `mlflow://traces/${oldTraceId}`,
      }),
    );
    expect(result.caveats).toContainEqual(
      expect.objectContaining({ backend: 'mlflow', kind: 'older_than_window' }),
    );
  });

  it('says nothing more when the caller chose the window', async () => {
    const result = (await call('mlops_search_traces', { status: 'error', since: '24h' })) as {
      olderThanWindow?: unknown[];
      caveats: unknown[];
    };
    expect(result.olderThanWindow).toBeUndefined();
    expect(result.caveats).toEqual([]);
  });
});

describe('a gateway with only some backends on', () => {
  async function connect(config: Parameters<typeof createGateway>[0], headers?: Headers) {
    const only = createGateway(config);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await only.createServer(headers).connect(serverSide);
    const mcp = new Client({ name: 'partial', version: '1.0.0' });
    await mcp.connect(clientSide);
    return {
      mcp,
      close: async () => {
        await mcp.close();
        await only.close();
      },
    };
  }

  it('lists only the cross-backend tools that Prefect can serve when Prefect alone is on', async () => {
    const { mcp, close } = await connect(
      backends.gatewayConfig({ mlflow: undefined, wandb: undefined }),
    );
    try {
      const { tools } = await mcp.listTools();
      expect(tools.map((tool) => tool.name).filter((name) => name.startsWith('mlops_'))).toEqual([
        'mlops_overview',
        'mlops_what_failed',
      ]);
      const failed = await mcp.callTool({ name: 'mlops_what_failed', arguments: { since: '30d' } });
      expect((failed.structuredContent as { caveats: unknown[] }).caveats).toEqual([
        expect.objectContaining({ backend: 'mlflow', kind: 'not_enabled' }),
        expect.objectContaining({ backend: 'wandb', kind: 'not_enabled' }),
      ]);
    } finally {
      await close();
    }
  });

  it('says no tracking backend is enabled when a run search has none to ask', async () => {
    const { mcp, close } = await connect(
      {
        ...backends.gatewayConfig({ mlflow: undefined, wandb: undefined }),
        http: { backendHeaders: true },
        perRequestBackends: ['mlflow', 'wandb'],
      },
      new Headers(),
    );
    try {
      const result = await mcp.callTool({ name: 'mlops_search_runs', arguments: {} });
      const output = result.structuredContent as {
        items: unknown[];
        caveats: { backend: string; kind: string; message: string }[];
      };
      expect(output.items).toEqual([]);
      expect(output.caveats.map((caveat) => [caveat.backend, caveat.kind])).toEqual([
        ['mlflow', 'not_enabled'],
        ['wandb', 'not_enabled'],
      ]);
      expect(output.caveats[0]!.message).toMatch(
        /^No tracking backend is enabled: MLflow is off.*x-mlflow-tracking-uri/,
      );
    } finally {
      await close();
    }
  });
});

describe('cross-backend tools with every backend running', () => {
  it('lists the mlops_* tools first', async () => {
    const { tools } = await client.listTools();
    expect(tools.slice(0, 8).map((tool) => tool.name)).toEqual([
      'mlops_overview',
      'mlops_what_failed',
      'mlops_search_runs',
      'mlops_compare_runs',
      'mlops_search_traces',
      'mlops_find_lineage',
      'mlops_plot_metrics',
      'mlops_plot_trace',
    ]);
  });

  it('draws the loss curves of two runs as a PNG and returns the numbers too', async () => {
    const sft = await call('mlops_search_runs', {
      experiment: 'llama-finetune',
      metric: { key: 'train/loss', op: '>', value: 0 },
      limit: 2,
    });
    const uris = (sft.items as { uri: string }[]).map((item) => item.uri);
    expect(uris).toHaveLength(2);
    const result = await client.callTool({
      name: 'mlops_plot_metrics',
      arguments: { runs: uris, keys: ['train/loss'] },
    });
    const images = (result.content as { type: string; data?: string; mimeType?: string }[]).filter(
      (block) => block.type === 'image',
    );
    expect(images).toHaveLength(1);
    const png = Buffer.from(images[0]!.data!, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(960);
    const series = (result.structuredContent as { series: { key: string; values: number[] }[] })
      .series;
    expect(series.map((s) => s.key)).toEqual(['train/loss', 'train/loss']);
    expect(series[0]!.values.length).toBeGreaterThan(10);
  });

  it('draws a failing trace as a PNG timeline', async () => {
    const traces = await call('mlops_search_traces', { status: 'error', since: '30d', limit: 5 });
    const uri = (traces.items as { backend: string; uri: string }[]).find(
      (item) => item.backend === 'mlflow',
    )!.uri;
    const result = await client.callTool({ name: 'mlops_plot_trace', arguments: { trace: uri } });
    expect(result.isError).toBeFalsy();
    const image = (result.content as { type: string; data?: string }[]).find(
      (block) => block.type === 'image',
    )!;
    expect(Buffer.from(image.data!, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(
      (result.structuredContent as { trace: { status: string; spans: unknown[] } }).trace,
    ).toMatchObject({ status: 'error' });
  });

  it('reports every backend reachable with its version and counts', async () => {
    const { backends } = (await call('mlops_overview', {})) as { backends: Structured[] };
    expect(backends.map((b) => b.backend)).toEqual(['mlflow', 'wandb', 'prefect']);
    for (const backend of backends)
      expect(backend).toMatchObject({ reachable: true, authenticated: true });
    expect(backends[0]!.version).toBe(pinnedVersion('mlflow'));
    expect(backends[2]!.counts).toMatchObject({ flows: expect.any(Number) });
  });

  it('returns runs from MLflow and W&B for one failed-status query, with progress per backend', async () => {
    let progressEvents = 0;
    const result = (await call(
      'mlops_search_runs',
      { status: ['failed'], limit: 200 },
      () => progressEvents++,
    )) as {
      items: { backend: string; status: string; uri: string }[];
      caveats: unknown[];
    };
    const backends = new Set(result.items.map((item) => item.backend));
    expect([...backends].sort()).toEqual(['mlflow', 'wandb']);
    expect(result.items.every((item) => item.status === 'failed')).toBe(true);
    const failedMlflow = mlflow.seed.runs
      .filter((run) => run.status === 'FAILED')
      .map((run) => `mlflow://runs/${run.id}`);
    expect(result.items.map((item) => item.uri)).toEqual(expect.arrayContaining(failedMlflow));
    expect(result.caveats).toEqual([]);
    expect(progressEvents).toBe(2);
  });

  it('compares an MLflow run and a W&B run side by side', async () => {
    const found = (await call('mlops_search_runs', { limit: 200 })) as {
      items: { backend: string; uri: string }[];
    };
    const mlflowRun = found.items.find((item) => item.backend === 'mlflow')!;
    const wandbRun = found.items.find((item) => item.backend === 'wandb')!;
    const compared = (await call('mlops_compare_runs', {
      runs: [mlflowRun.uri, wandbRun.uri],
    })) as {
      runs: { backend: string }[];
      metrics: { values: unknown[] }[];
    };
    expect(compared.runs.map((run) => run.backend)).toEqual(['mlflow', 'wandb']);
    expect(compared.metrics.length).toBeGreaterThan(0);
    for (const row of compared.metrics) expect(row.values).toHaveLength(2);
  });

  it('lists failures from every backend, newest first', async () => {
    // The W&B stand-in's generated runs date from early 2025: a window wide enough to reach them.
    const result = (await call('mlops_what_failed', { since: '1000d', limit: 200 })) as {
      items: { backend: string; kind: string; uri: string; at?: string }[];
      caveats: unknown[];
    };
    const kinds = new Set(result.items.map((item) => `${item.backend}:${item.kind}`));
    for (const kind of [
      'mlflow:run',
      'mlflow:trace',
      'wandb:run',
      'wandb:trace',
      'prefect:flow-run',
      'prefect:late-flow-run',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(result.items.map((item) => item.uri)).toContain(
      `prefect://flow-runs/${prefect.seed.flowRuns.failed}`,
    );
    const times = result.items.map((item) => item.at ?? '');
    expect(times).toEqual([...times].sort().reverse());
    expect(result.caveats).toEqual([]);
  });

  it('merges MLflow and Weave error traces', async () => {
    const result = (await call('mlops_search_traces', {
      status: 'error',
      since: '30d',
      limit: 100,
    })) as {
      items: { backend: string; status: string; id: string }[];
    };
    expect(new Set(result.items.map((item) => item.backend))).toEqual(new Set(['mlflow', 'wandb']));
    expect(result.items.every((item) => item.status === 'error')).toBe(true);
    const weaveIds = result.items.filter((item) => item.backend === 'wandb').map((item) => item.id);
    const seededErrors = weave.seed.agentTraces
      .filter((trace) => trace.error)
      .map((trace) => trace.traceId);
    expect(weaveIds.sort()).toEqual(seededErrors.sort());
  });

  it('narrows Weave traces to the projects whose name contains `experiment`', async () => {
    const search = async (experiment: string) =>
      (
        (await call('mlops_search_traces', {
          status: 'error',
          since: '30d',
          limit: 100,
          experiment,
        })) as {
          items: { backend: string; id: string }[];
        }
      ).items.filter((item) => item.backend === 'wandb');
    const inProject = await search(weave.seed.project);
    const seededErrors = weave.seed.agentTraces.filter((trace) => trace.error);
    expect(inProject.map((item) => item.id).sort()).toEqual(
      seededErrors.map((trace) => trace.traceId).sort(),
    );
    expect(await search('no-project-has-this-name')).toEqual([]);
  });

  it('follows a Prefect flow run to the MLflow run it produced', async () => {
    const result = (await call('mlops_find_lineage', {
      uri: `prefect://flow-runs/${prefect.seed.flowRuns.completed}`,
    })) as {
      links: { uri: string; via: string }[];
    };
    expect(result.links).toContainEqual(
      expect.objectContaining({
        uri: `mlflow://runs/${linkedRunId}`,
        via: 'MLflow tag prefect.flow_run_id',
      }),
    );
  });

  it('follows the MLflow run back to its Prefect flow run', async () => {
    const result = (await call('mlops_find_lineage', {
      uri: `mlflow://runs/${linkedRunId}`,
    })) as {
      links: { uri: string; backend: string }[];
    };
    expect(result.links).toContainEqual(
      expect.objectContaining({
        backend: 'prefect',
        uri: `prefect://flow-runs/${prefect.seed.flowRuns.completed}`,
      }),
    );
  });

  it('ranks by a metric in the direction its name implies when none is given, and says so', async () => {
    const result = (await call('mlops_search_runs', {
      experiment: 'llama-finetune',
      orderBy: { metric: 'val/accuracy' },
      limit: 1,
    })) as { items: { name: string }[]; rankedBy: Record<string, string> };
    expect(result.rankedBy).toMatchObject({
      metric: 'val/accuracy',
      direction: 'desc',
      directionSource: 'name',
    });
    expect(result.items.map((item) => item.name)).toEqual(['sft-llama-3-8b-lr3e-4']);
  });

  // Last: it stops a backend for good.
  it('turns a backend that went down mid-session into a caveat, not a failed call', async () => {
    await prefectProxy.setFault({ kind: 'down' });
    const result = await client.callTool({
      name: 'mlops_what_failed',
      arguments: { since: '30d' },
    });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as {
      items: { backend: string }[];
      caveats: { backend: string; kind: string }[];
    };
    expect(output.caveats).toEqual([
      expect.objectContaining({ backend: 'prefect', kind: 'unavailable' }),
    ]);
    expect(output.items.some((item) => item.backend === 'mlflow')).toBe(true);
  });
});
