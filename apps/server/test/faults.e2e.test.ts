import { randomUUID } from 'node:crypto';
import type { ErrorKind } from '@mlops-mcp/core';
import {
  type Fault,
  type FaultProxy,
  type RequestMatch,
  type RunningServer,
  type RunningWeaveServer,
  startFaultProxy,
  startPrefect,
  startWandbStandin,
  startWeaveServer,
  type WandbStandin,
} from '@mlops-mcp/testkit';
import { sharedMlflow, uniqueName } from '@mlops-mcp/testkit/vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, gatewayEnv } from './binary.js';

// MLflow is the run's shared server (this file writes only into an experiment of its own). The
// others are this file's own: its writes tag the W&B stand-in's fixed runs, add calls and feedback
// to the Weave project other tests read, and add a paused deployment to Prefect, whose seeded
// workspace tests list whole.

/**
 * Every fault the proxy can play, for every backend, through the built gateway binary (spawned
 * as an MCP client spawns it, so "the process stays up" is a real process). Each backend sits
 * behind its own fault proxy; one real server per backend serves the whole file.
 *
 * Calls under a fault must end with a clear isError of the expected kind or a correct retried
 * answer, writes must reach the backend at most once, and the next call after the fault is
 * cleared must succeed. Durations are printed as a matrix at the end, never asserted.
 */

/** Far beyond any answer here; a call that has not ended by then is a hang. */
const CALL_DEADLINE_MS = 45_000;

/** The stand-in project holding the fixed runs; Weave calls are written to the same project. */
const WANDB_PROJECT = 'llm-finetune';

type BackendName = 'mlflow' | 'prefect' | 'wandb' | 'weave';
type Call = { name: string; arguments: Record<string, unknown> };
type Outcome = 'ok' | ErrorKind;

interface BackendCase {
  name: BackendName;
  /** A read tool whose every request may fail (it is retried when idempotent). */
  read(): Call;
  /** The id a correct answer of the read names. */
  readId(): string;
  /** A write tool, and the one request of it that writes (the reads around it pass). */
  write(): Call;
  writeRequest(): RequestMatch;
}

interface FaultCase {
  label: string;
  fault: Fault;
  read: Outcome;
  write: Outcome;
}

const FAULTS: FaultCase[] = [
  { label: 'latency 300 ms', fault: { kind: 'latency', ms: 300 }, read: 'ok', write: 'ok' },
  {
    label: 'reset before headers, once',
    fault: { kind: 'reset-before-headers', times: 1 },
    read: 'ok',
    write: 'unavailable',
  },
  {
    label: 'reset before headers',
    fault: { kind: 'reset-before-headers' },
    read: 'unavailable',
    write: 'unavailable',
  },
  {
    label: 'reset mid-body',
    fault: { kind: 'reset-mid-body' },
    read: 'unavailable',
    write: 'unavailable',
  },
  {
    label: '429 Retry-After 1, once',
    fault: { kind: 'status', status: 429, retryAfter: '1', times: 1 },
    read: 'ok',
    write: 'rate_limited',
  },
  {
    label: '429 Retry-After 3600',
    fault: { kind: 'status', status: 429, retryAfter: '3600' },
    read: 'rate_limited',
    write: 'rate_limited',
  },
  {
    label: '500',
    fault: { kind: 'status', status: 500 },
    read: 'unavailable',
    write: 'unavailable',
  },
  {
    label: '502, once',
    fault: { kind: 'status', status: 502, times: 1 },
    read: 'ok',
    write: 'unavailable',
  },
  {
    label: '503',
    fault: { kind: 'status', status: 503 },
    read: 'unavailable',
    write: 'unavailable',
  },
  {
    label: 'truncated JSON',
    fault: { kind: 'truncated-json' },
    read: 'bad_response',
    write: 'bad_response',
  },
  {
    label: 'invalid JSON',
    fault: { kind: 'invalid-json' },
    read: 'bad_response',
    write: 'bad_response',
  },
  {
    label: 'backend down, then back',
    fault: { kind: 'down' },
    read: 'unavailable',
    write: 'unavailable',
  },
];

let mlflow: { url: string };
let prefect: RunningServer;
let weave: RunningWeaveServer;
let standin: WandbStandin;
const proxies = {} as Record<BackendName, FaultProxy>;
let client: Client;
let transport: StdioClientTransport;
let stderr = '';
const fixture = { runId: '', deploymentId: '', wandbRun: '', callId: '' };
/** Durations (ms) of the calls made under each fault, by fault label and backend. */
const timings = new Map<string, Map<BackendName, { read: number; write: number }>>();

const BACKENDS: BackendCase[] = [
  {
    name: 'mlflow',
    read: () => ({ name: 'mlflow_get_run', arguments: { runId: fixture.runId } }),
    readId: () => fixture.runId,
    write: () => ({
      name: 'mlflow_set_run_tag',
      arguments: { runId: fixture.runId, key: 'fault', value: 'injected' },
    }),
    writeRequest: () => ({ method: 'POST', path: '/api/2.0/mlflow/runs/set-tag' }),
  },
  {
    name: 'prefect',
    read: () => ({
      name: 'prefect_get_deployment',
      arguments: { deployment: fixture.deploymentId },
    }),
    readId: () => fixture.deploymentId,
    write: () => ({
      name: 'prefect_pause_deployment',
      arguments: { deployment: fixture.deploymentId },
    }),
    writeRequest: () => ({
      method: 'POST',
      path: `/api/deployments/${fixture.deploymentId}/pause_deployment`,
    }),
  },
  {
    name: 'wandb',
    read: () => ({ name: 'wandb_get_run', arguments: { run: fixture.wandbRun } }),
    readId: () => standin.runs.healthyA,
    write: () => ({
      name: 'wandb_update_run',
      arguments: { run: fixture.wandbRun, addTags: ['fault-injected'] },
    }),
    // Queries and mutations share POST /graphql: the operation name tells the write apart.
    writeRequest: () => ({ method: 'POST', path: '/graphql', bodyIncludes: 'WandbUpdateRun' }),
  },
  {
    name: 'weave',
    read: () => ({ name: 'wandb_get_call', arguments: { callId: fixture.callId } }),
    readId: () => fixture.callId,
    write: () => ({
      name: 'wandb_add_feedback',
      arguments: { callId: fixture.callId, note: 'fault injected' },
    }),
    writeRequest: () => ({ method: 'POST', path: '/feedback/create' }),
  },
];

beforeAll(async () => {
  mlflow = sharedMlflow();
  [prefect, standin] = await Promise.all([startPrefect(), startWandbStandin()]);
  // The W&B adapter sends one key to GraphQL and to Weave: the trace server accepts the stand-in's.
  weave = await startWeaveServer({ env: { WEAVE_TEST_API_KEY: standin.apiKey } });
  fixture.wandbRun = `${standin.entity}/${WANDB_PROJECT}/${standin.runs.healthyA}`;
  [fixture.runId, fixture.deploymentId, fixture.callId] = await Promise.all([
    createMlflowRun(mlflow.url),
    createPrefectDeployment(prefect.url),
    createWeaveCall(weave.url, standin.apiKey, `${standin.entity}/${WANDB_PROJECT}`),
  ]);
  const targets: Record<BackendName, string> = {
    mlflow: mlflow.url,
    prefect: prefect.url,
    wandb: standin.url,
    weave: weave.url,
  };
  for (const name of Object.keys(targets) as BackendName[]) {
    proxies[name] = await startFaultProxy({ target: targets[name] });
  }
  transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN],
    env: gatewayEnv(backendEnv()),
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  client = new Client({ name: 'faults-e2e', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  printTimings();
  await client?.close();
  await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
  await Promise.all([prefect?.stop(), weave?.stop(), standin?.stop()]);
});

/** The gateway's environment: every backend reached through its proxy, writes enabled. */
function backendEnv(): Record<string, string> {
  return {
    MLOPS_MCP_READ_ONLY: 'false',
    // Past the default profile, which may leave out the tools this file calls.
    MLOPS_MCP_TOOLSETS: 'all',
    MLFLOW_TRACKING_URI: proxies.mlflow.url,
    PREFECT_API_URL: proxies.prefect.url,
    WANDB_API_KEY: standin.apiKey,
    WANDB_BASE_URL: proxies.wandb.url,
    WF_TRACE_SERVER_URL: proxies.weave.url,
    WANDB_ENTITY: standin.entity,
    WANDB_PROJECT,
  };
}

interface Observed {
  outcome: Outcome;
  ms: number;
  text: string;
}

/** Calls a tool over MCP and classifies the answer: ok, or the error kind it carries. */
async function observe(call: Call, via: Client = client): Promise<Observed> {
  const started = performance.now();
  const result = await via.callTool(call, { timeout: CALL_DEADLINE_MS });
  const ms = Math.round(performance.now() - started);
  const text = (result.content as { type: string; text?: string }[])[0]?.text ?? '';
  if (!result.isError) return { outcome: 'ok', ms, text };
  const payload = JSON.parse(text) as { error: { kind: ErrorKind } };
  return { outcome: payload.error.kind, ms, text };
}

/** What every failed call must look like: a kind and a message, never a stack trace. */
function expectClearError(observed: Observed): void {
  expect(observed.text).not.toMatch(/\n\s+at |\.ts:\d+:\d+|\.js:\d+:\d+/);
  const { error } = JSON.parse(observed.text) as { error: { message: string; hint?: string } };
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.hint?.length ?? 0).toBeGreaterThan(0);
}

describe.each(BACKENDS)('$name behind a fault proxy', (backend) => {
  it.each(FAULTS.map((c) => [c.label, c.read, c.write, c] as const))(
    'under %s: a read answers %s, a write answers %s and reaches the backend at most once, then a read succeeds',
    async (_title, _read, _write, { label, fault, read, write }) => {
      const proxy = proxies[backend.name];
      await proxy.setFault(fault);
      const underRead = await observe(backend.read());
      expect(underRead.outcome, underRead.text).toBe(read);
      if (read === 'ok') expect(underRead.text).toContain(backend.readId());
      else expectClearError(underRead);

      // The write's own request gets the fault; the reads a write tool makes first pass.
      const scoped: Fault =
        fault.kind === 'down' ? fault : { ...fault, match: backend.writeRequest() };
      await proxy.clearFault();
      await proxy.setFault(scoped);
      const before = proxy.count(backend.writeRequest());
      const underWrite = await observe(backend.write());
      const sent = proxy.count(backend.writeRequest()) - before;
      expect(underWrite.outcome, underWrite.text).toBe(write);
      if (write !== 'ok') expectClearError(underWrite);
      // A refused connection never carried the write; anything else carried it exactly once.
      expect(sent).toBe(fault.kind === 'down' ? 0 : 1);

      await proxy.clearFault();
      const after = await observe(backend.read());
      expect(after.outcome, after.text).toBe('ok');
      record(label, backend.name, underRead.ms, underWrite.ms);
    },
    60_000,
  );
});

describe('the gateway process after every fault', () => {
  it('is still running and answering', async () => {
    expect(() => process.kill(transport.pid!, 0)).not.toThrow();
    const result = await observe(BACKENDS[0]!.read());
    expect(result.outcome).toBe('ok');
  });

  it('logged no stack trace and no internal error', () => {
    expect(stderr).toContain('"msg":"tool call failed"');
    expect(stderr).not.toMatch(/(\n|\\n)\s+at |"kind":"internal"/);
  });
});

/**
 * A backend slower than the gateway's backend timeout: a second gateway binary, spawned with
 * MLOPS_MCP_BACKEND_TIMEOUT_MS lowered so the timeout shows in test time (the default is 60 s).
 */
describe('a backend slower than the backend timeout', () => {
  // Long enough for a loaded machine's real answers, short enough to wait for in a test.
  const DEADLINE_MS = 2_000;
  // The proxy drops a delayed request once the gateway gives up, so this costs no test time.
  const STALL_MS = 60_000;
  let shortClient: Client;
  let shortTransport: StdioClientTransport;
  let shortStderr = '';

  beforeAll(async () => {
    shortTransport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      env: gatewayEnv({ ...backendEnv(), MLOPS_MCP_BACKEND_TIMEOUT_MS: String(DEADLINE_MS) }),
      stderr: 'pipe',
    });
    shortTransport.stderr?.on('data', (chunk: Buffer) => {
      shortStderr += chunk.toString('utf8');
    });
    shortClient = new Client({ name: 'faults-e2e-deadline', version: '1.0.0' });
    await shortClient.connect(shortTransport);
  });

  afterAll(async () => {
    await shortClient?.close();
    await Promise.all(Object.values(proxies).map((proxy) => proxy.clearFault()));
  });

  it.each(BACKENDS)(
    '$name: a read and a write end with a timeout error long before the 60 s default, the write sent once, then a read succeeds',
    async (backend) => {
      const proxy = proxies[backend.name];
      await proxy.setFault({ kind: 'latency', ms: STALL_MS });
      const read = await observe(backend.read(), shortClient);
      expect(read.outcome, read.text).toBe('timeout');
      expectClearError(read);
      // Loose on purpose (shared machines): only that the setting, not the default, ended it.
      expect(read.ms).toBeLessThan(30_000);

      await proxy.setFault({ kind: 'latency', ms: STALL_MS, match: backend.writeRequest() });
      const before = proxy.count(backend.writeRequest());
      const write = await observe(backend.write(), shortClient);
      expect(write.outcome, write.text).toBe('timeout');
      expectClearError(write);
      expect(write.ms).toBeLessThan(30_000);
      expect(proxy.count(backend.writeRequest()) - before).toBe(1);

      await proxy.clearFault();
      expect((await observe(backend.read(), shortClient)).outcome).toBe('ok');
      record(
        `stall beyond a ${DEADLINE_MS / 1000} s backend timeout`,
        backend.name,
        read.ms,
        write.ms,
      );
    },
    60_000,
  );

  it('leaves the gateway process running', () => {
    expect(() => process.kill(shortTransport.pid!, 0)).not.toThrow();
  });

  it('logged the timeouts with no stack trace and no internal error', () => {
    expect(shortStderr).toContain('"msg":"tool call failed"');
    expect(shortStderr).not.toMatch(/(\n|\\n)\s+at |"kind":"internal"/);
  });
});

function record(label: string, backend: BackendName, read: number, write: number): void {
  const row = timings.get(label) ?? new Map();
  row.set(backend, { read, write });
  timings.set(label, row);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Prints fault × backend with the read/write durations and their medians over the backends. */
function printTimings(): void {
  const names = BACKENDS.map((backend) => backend.name);
  const lines = [
    `| fault | ${names.join(' | ')} | median read | median write |`,
    `| --- | ${names.map(() => '---').join(' | ')} | --- | --- |`,
  ];
  for (const [label, row] of timings) {
    const cells = names.map((name) => {
      const cell = row.get(name);
      return cell ? `r ${cell.read} / w ${cell.write}` : '—';
    });
    const cellsOf = [...row.values()];
    const reads = median(cellsOf.map((cell) => cell.read));
    const writes = median(cellsOf.map((cell) => cell.write));
    lines.push(`| ${label} | ${cells.join(' | ')} | ${reads} | ${writes} |`);
  }
  console.log(`\nTool-call durations under each fault (ms, read / write):\n${lines.join('\n')}\n`);
}

/** Creates an experiment and a run over MLflow's REST API (straight to the server). */
async function createMlflowRun(url: string): Promise<string> {
  const experiment = (await rest(`${url}/api/2.0/mlflow/experiments/create`, {
    name: uniqueName('faults'),
  })) as { experiment_id: string };
  const run = (await rest(`${url}/api/2.0/mlflow/runs/create`, {
    experiment_id: experiment.experiment_id,
    start_time: Date.now(),
    run_name: 'fault-target',
  })) as { run: { info: { run_id: string } } };
  return run.run.info.run_id;
}

/** Creates a flow and a deployment of it over Prefect's REST API. */
async function createPrefectDeployment(apiUrl: string): Promise<string> {
  const flow = (await rest(`${apiUrl}/flows/`, { name: uniqueName('fault-flow') })) as {
    id: string;
  };
  const deployment = (await rest(`${apiUrl}/deployments/`, {
    name: 'fault-deployment',
    flow_id: flow.id,
  })) as { id: string };
  return deployment.id;
}

/** Starts and ends one call on the Weave trace server, as the weave client would. */
async function createWeaveCall(url: string, apiKey: string, projectId: string): Promise<string> {
  const headers = { authorization: `Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}` };
  const id = randomUUID();
  await rest(
    `${url}/call/start`,
    {
      start: {
        project_id: projectId,
        id,
        trace_id: randomUUID(),
        op_name: 'fault_probe',
        started_at: new Date().toISOString(),
        attributes: {},
        inputs: { question: 'ping' },
      },
    },
    headers,
  );
  await rest(
    `${url}/call/end`,
    {
      end: {
        project_id: projectId,
        id,
        ended_at: new Date().toISOString(),
        output: 'pong',
        summary: {},
      },
    },
    headers,
  );
  return id;
}

async function rest(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}
