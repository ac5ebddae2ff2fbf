import { randomBytes, randomUUID } from 'node:crypto';
import { mlflowTools } from '@mlops-mcp/mlflow';
import { prefectTools } from '@mlops-mcp/prefect';
import {
  freePort,
  type RunningServer,
  type RunningWeaveServer,
  startMlflow,
  startPrefect,
  startWandbStandin,
  startWeaveServer,
  type WandbStandin,
} from '@mlops-mcp/testkit';
import { wandbTools } from '@mlops-mcp/wandb';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, gatewayEnv, runBinary, type SpawnedGateway, spawnHttpGateway } from './binary.js';

// This file owns its servers: each holds a canary secret of this run (basic auth, an API auth
// string), which the shared backends must not have.

/**
 * Canary secrets: every credential the gateway holds is a unique random string for this run,
 * used against real servers that require it (MLflow's basic-auth app, Prefect with an API auth
 * string, the HTTP bearer token). The W&B key is the one the stand-in accepts (fixed by the
 * stand-in, but known to nothing else); Weave's trace server is started to accept it too.
 * Every enabled tool is called over stdio and over HTTP; every result, error, log line and raw
 * HTTP response is then searched for each canary in raw, base64, base64url, URL-encoded and
 * basic-auth-header form. Zero hits.
 */

const canary = (label: string) => `canary-${label}-${randomBytes(12).toString('hex')}`;
const MLFLOW_USER = 'canary-admin';
const MLFLOW_PASSWORD = canary('mlflow-password');
const MLFLOW_TOKEN = canary('mlflow-token');
const PREFECT_PASSWORD = canary('prefect-password');
const PREFECT_AUTH = `admin:${PREFECT_PASSWORD}`;
const HTTP_TOKEN = canary('http-token');
const WANDB_PROJECT = 'llm-finetune';
const CALL_DEADLINE_MS = 60_000;
/** Every backend tool of the registry (the gateway may add cross-backend ones). */
const REGISTRY = [...mlflowTools, ...wandbTools, ...prefectTools].map((tool) => tool.name);

let mlflow: RunningServer;
let prefect: RunningServer;
let weave: RunningWeaveServer;
let standin: WandbStandin;
let stdioTransport: StdioClientTransport;
let stdio: Client;
let http: Client;
let httpGateway: SpawnedGateway;
let stdioStderr = '';
/** Bodies and headers of every HTTP response the MCP client received. */
const httpResponses: Promise<string>[] = [];
const fixture = {
  experimentId: '',
  experimentName: `canary-experiment-${randomUUID()}`,
  runIds: ['', ''],
  deploymentId: '',
  flowId: '',
  flowRunId: '',
  callId: '',
};

beforeAll(async () => {
  [mlflow, prefect, standin] = await Promise.all([
    startMlflow({ basicAuth: { username: MLFLOW_USER, password: MLFLOW_PASSWORD } }),
    startPrefect({ env: { PREFECT_SERVER_API_AUTH_STRING: PREFECT_AUTH } }),
    startWandbStandin(),
  ]);
  // One W&B key serves GraphQL and Weave: the trace server accepts the stand-in's key.
  weave = await startWeaveServer({ env: { WEAVE_TEST_API_KEY: standin.apiKey } });
  await Promise.all([createMlflowFixtures(), createPrefectFixtures(), createWeaveFixtures()]);

  stdioTransport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN],
    env: gatewayEnv(credentialsEnv({ MLFLOW_TRACKING_USERNAME: MLFLOW_USER })),
    stderr: 'pipe',
  });
  stdioTransport.stderr?.on('data', (chunk: Buffer) => {
    stdioStderr += chunk.toString('utf8');
  });
  stdio = new Client({ name: 'canary-stdio', version: '1.0.0' });
  await stdio.connect(stdioTransport);

  // Over HTTP MLflow gets the token as well, which wins over the password and meets the
  // basic-auth app's 401: the error path carries the token, the stdio pass the password.
  const port = await freePort();
  httpGateway = await spawnHttpGateway(
    ['--http', '--port', String(port)],
    gatewayEnv(
      credentialsEnv({
        MLFLOW_TRACKING_USERNAME: MLFLOW_USER,
        MLFLOW_TRACKING_TOKEN: MLFLOW_TOKEN,
      }),
    ),
  );
  const transport = new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${HTTP_TOKEN}` } },
    fetch: recordingFetch,
  });
  http = new Client({ name: 'canary-http', version: '1.0.0' });
  await http.connect(transport);
});

afterAll(async () => {
  await Promise.all([stdio?.close(), http?.close()]);
  await httpGateway?.stop();
  await Promise.all([mlflow?.stop(), prefect?.stop(), weave?.stop(), standin?.stop()]);
});

/** Every backend's canary credentials, writes enabled, logging everything. */
function credentialsEnv(extra: Record<string, string>): Record<string, string> {
  return {
    MLOPS_MCP_READ_ONLY: 'false',
    // Past the default profile: every tool of every backend.
    MLOPS_MCP_TOOLSETS: 'all',
    MLOPS_MCP_LOG_LEVEL: 'trace',
    MLOPS_MCP_HTTP_TOKEN: HTTP_TOKEN,
    MLFLOW_TRACKING_URI: mlflow.url,
    MLFLOW_TRACKING_PASSWORD: MLFLOW_PASSWORD,
    PREFECT_API_URL: prefect.url,
    PREFECT_API_AUTH_STRING: PREFECT_AUTH,
    WANDB_API_KEY: standin.apiKey,
    WANDB_BASE_URL: standin.url,
    WF_TRACE_SERVER_URL: weave.url,
    WANDB_ENTITY: standin.entity,
    WANDB_PROJECT,
    ...extra,
  };
}

/** fetch for the MCP client that keeps a copy of every response (status, headers, body). */
const recordingFetch = async (url: string | URL, init?: RequestInit): Promise<Response> => {
  const response = await fetch(url, init);
  httpResponses.push(describeResponse(response.clone(), init?.method ?? 'GET'));
  return response;
};

async function describeResponse(response: Response, method: string): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  // A standalone GET stream stays open for server messages: its headers are what there is.
  let body = '';
  if (method === 'GET') await response.body?.cancel();
  else body = await response.text();
  return `${response.status}\n${headers}\n\n${body}`;
}

/** Each canary in every form it could leak in, labelled for the failure message. */
function needles(): { label: string; text: string }[] {
  const secrets: Record<string, string> = {
    'MLflow password': MLFLOW_PASSWORD,
    'MLflow user:password': `${MLFLOW_USER}:${MLFLOW_PASSWORD}`,
    'MLflow token': MLFLOW_TOKEN,
    'Prefect password': PREFECT_PASSWORD,
    'Prefect auth string': PREFECT_AUTH,
    'W&B API key': standin.apiKey,
    'W&B api:key': `api:${standin.apiKey}`,
    'HTTP bearer token': HTTP_TOKEN,
  };
  const found: { label: string; text: string }[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    const forms: Record<string, string> = {
      raw: secret,
      base64: Buffer.from(secret).toString('base64'),
      base64url: Buffer.from(secret).toString('base64url'),
      'URL-encoded': encodeURIComponent(secret),
      // What stays of base64(secret) when more bytes follow it before encoding (e.g. "key\n").
      'base64 prefix': Buffer.from(secret).toString('base64').replace(/=+$/, '').slice(0, -2),
    };
    for (const [form, text] of Object.entries(forms))
      found.push({ label: `${label} (${form})`, text });
  }
  return found;
}

/** The canary forms found in `text`, for a failure message that says where and which. */
function leaks(where: string, text: string): string[] {
  return needles()
    .filter((needle) => text.includes(needle.text))
    .map((needle) => `${where}: ${needle.label}`);
}

interface Sweep {
  /** Names from tools/list. */
  listed: string[];
  answers: Map<string, { ok: boolean; text: string }>;
}

/** Calls every listed tool once with small valid arguments; keeps each answer as text. */
async function callEveryTool(client: Client): Promise<Sweep> {
  const { tools } = await client.listTools();
  const answers = new Map<string, { ok: boolean; text: string }>();
  for (const tool of [...tools].sort((a, b) => rank(a.name) - rank(b.name))) {
    const args = toolArguments(tool.name, tool.inputSchema as JsonSchema);
    try {
      const result = await client.callTool(
        { name: tool.name, arguments: args },
        { timeout: CALL_DEADLINE_MS },
      );
      answers.set(tool.name, { ok: !result.isError, text: JSON.stringify(result) });
    } catch (error) {
      // A protocol-level failure (not an isError result) is also scanned, then fails the test.
      answers.set(tool.name, { ok: false, text: `THREW ${String(error)}` });
    }
  }
  return { listed: tools.map((tool) => tool.name), answers };
}

/** "N results, M errors (kind: count, ...)" for the test output. */
function describeSweep(answers: Map<string, { ok: boolean; text: string }>): string {
  const kinds = new Map<string, number>();
  let ok = 0;
  for (const answer of answers.values()) {
    if (answer.ok) {
      ok++;
      continue;
    }
    const kind = /\\"kind\\":\\"(\w+)/.exec(answer.text)?.[1] ?? 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const errors = [...kinds].map(([kind, count]) => `${kind}: ${count}`).join(', ');
  return `${answers.size} tools, ${ok} results, ${answers.size - ok} errors (${errors})`;
}

/** Creators first so later tools find something; renames and deletes last. */
function rank(name: string): number {
  if (/_(delete|rename)_/.test(name)) return 3;
  if (/_(create|register|log)_/.test(name)) return 0;
  if (/_(get|search|list|find|summarize|compare|diagnose)_/.test(name)) return 1;
  return 2;
}

describe.each([
  ['stdio', () => stdio],
  ['HTTP', () => http],
] as const)('every enabled tool over %s', (transport, client) => {
  let answers: Map<string, { ok: boolean; text: string }>;

  it('answers each call with a result or an isError, never a protocol failure', async () => {
    const sweep = await callEveryTool(client());
    answers = sweep.answers;
    // Every backend is configured with writes on and toolsets=all: the whole registry is listed.
    expect(sweep.listed).toEqual(expect.arrayContaining(REGISTRY));
    expect(answers.size).toBe(sweep.listed.length);
    const threw = [...answers].filter(([, answer]) => answer.text.startsWith('THREW'));
    expect(threw.map(([name, answer]) => `${name}: ${answer.text}`)).toEqual([]);
    // Successes prove each canary credential was sent and accepted; over HTTP the MLflow token
    // is sent and refused instead.
    for (const backend of ['mlflow', 'wandb', 'prefect']) {
      const mine = [...answers].filter(([name]) => name.startsWith(`${backend}_`));
      if (transport === 'HTTP' && backend === 'mlflow') {
        expect(mine.some(([, answer]) => answer.text.includes('\\"kind\\":\\"auth\\"'))).toBe(true);
      } else {
        expect(mine.filter(([, answer]) => answer.ok).length, backend).toBeGreaterThan(0);
      }
    }
    expect([...answers.values()].some((answer) => !answer.ok)).toBe(true);
    console.log(`canary sweep over ${transport}: ${describeSweep(answers)}`);
  }, 300_000);

  it('returns no canary in any result or error', () => {
    expect(answers?.size).toBeGreaterThanOrEqual(REGISTRY.length);
    const found = [...answers].flatMap(([name, answer]) => leaks(name, answer.text));
    expect(found).toEqual([]);
  });
});

describe('the HTTP transport', () => {
  it('sent no canary in any response the MCP client received', async () => {
    const responses = await Promise.all(httpResponses);
    expect(responses.length).toBeGreaterThan(REGISTRY.length);
    expect(responses.flatMap((text, i) => leaks(`response ${i}`, text))).toEqual([]);
  });

  it('sends no canary in /health or any refusal', async () => {
    const url = /"url":"(http:\/\/[^"]+)\/mcp"/.exec(httpGateway.stderr())![1]!;
    const bearer = { authorization: `Bearer ${HTTP_TOKEN}` };
    const json = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'x', version: '1' },
      },
    });
    const probes: [string, string, RequestInit][] = [
      ['health', '/health', {}],
      ['no token', '/mcp', { method: 'POST', headers: json, body: initialize }],
      [
        'wrong token',
        '/mcp',
        { method: 'POST', headers: { ...json, authorization: 'Bearer wrong' }, body: initialize },
      ],
      [
        'foreign origin',
        '/mcp',
        {
          method: 'POST',
          headers: { ...json, ...bearer, origin: 'https://evil.example' },
          body: initialize,
        },
      ],
      [
        'oversized body',
        '/mcp',
        { method: 'POST', headers: { ...json, ...bearer }, body: 'x'.repeat(2 * 1024 * 1024) },
      ],
      [
        'invalid JSON',
        '/mcp',
        { method: 'POST', headers: { ...json, ...bearer }, body: '{"jsonrpc":' },
      ],
      [
        'unknown method',
        '/mcp',
        {
          method: 'POST',
          headers: { ...json, ...bearer },
          body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'nope' }),
        },
      ],
      ['DELETE', '/mcp', { method: 'DELETE', headers: bearer }],
      ['unknown path', '/nope', { headers: bearer }],
    ];
    const statuses: number[] = [];
    const found: string[] = [];
    for (const [label, path, request] of probes) {
      const response = await fetch(`${url}${path}`, {
        ...request,
        signal: AbortSignal.timeout(10_000),
      });
      statuses.push(response.status);
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      found.push(...leaks(label, `${headers}\n${await response.text()}`));
    }
    expect(statuses.filter((status) => status >= 400).length).toBeGreaterThanOrEqual(6);
    expect(found).toEqual([]);
  });
});

describe('logs and CLI output', () => {
  it('write no canary to stderr in either gateway', () => {
    // Both logs are full (trace level, a failed and a successful call each), so the scan bites.
    for (const log of [stdioStderr, httpGateway.stderr()]) {
      expect(log).toContain('"msg":"tool call"');
      expect(log).toContain('"msg":"tool call failed"');
    }
    expect([
      ...leaks('stdio stderr', stdioStderr),
      ...leaks('HTTP stderr', httpGateway.stderr()),
    ]).toEqual([]);
  });

  it('print no canary from `config` or `doctor`', async () => {
    const env = gatewayEnv(credentialsEnv({ MLFLOW_TRACKING_USERNAME: MLFLOW_USER }));
    const found: string[] = [];
    for (const command of ['config', 'doctor']) {
      const { stdout, stderr } = await runBinary([command], env);
      expect(stdout.length, command).toBeGreaterThan(0);
      found.push(...leaks(`${command} stdout`, stdout), ...leaks(`${command} stderr`, stderr));
    }
    expect(found).toEqual([]);
  }, 60_000);
});

describe('the canary scan', () => {
  it('finds a canary hidden in any of its forms', () => {
    const header = `Basic ${Buffer.from(`api:${standin.apiKey}`).toString('base64')}`;
    expect(leaks('planted', `{"authorization":"${header}"}`)).not.toEqual([]);
    expect(leaks('planted', `u=${encodeURIComponent(PREFECT_AUTH)}`)).not.toEqual([]);
    expect(leaks('planted', 'nothing here')).toEqual([]);
  });
});

/** The subset of JSON Schema that zod emits for tool inputs. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

/** Arguments by field name, so calls reach the backend with ids that exist. */
function knownArguments(): Record<string, unknown> {
  const runPath = (run: string) => `${standin.entity}/${WANDB_PROJECT}/${run}`;
  return {
    experimentId: fixture.experimentId,
    runId: fixture.runIds[0],
    runIds: fixture.runIds,
    key: 'loss',
    keys: ['loss'],
    metric: 'loss',
    version: '1',
    source: `runs:/${fixture.runIds[0]}/model`,
    run: runPath(standin.runs.healthyA),
    runs: [runPath(standin.runs.healthyA), runPath(standin.runs.healthyB)],
    callId: fixture.callId,
    deployment: fixture.deploymentId,
    flowId: fixture.flowId,
    flowRunId: fixture.flowRunId,
  };
}

/** Per-tool arguments where one field name means different things. */
function toolOverrides(name: string): Record<string, unknown> {
  if (name === 'mlflow_get_experiment_by_name') return { name: fixture.experimentName };
  if (name === 'mlflow_create_experiment') return { name: `canary-new-${randomUUID()}` };
  if (/^mlflow_.*prompt/.test(name)) return { name: 'canary-prompt', template: 'Hi {{name}}' };
  if (name === 'mlflow_get_model_version') return { name: 'canary-model', version: '1' };
  if (name === 'mlflow_create_model_version')
    return { name: 'canary-model', runId: fixture.runIds[0] };
  if (/^mlflow_.*(model_version|registered_model)/.test(name)) return { name: 'canary-model' };
  if (/^mlflow_log_(feedback|expectation)$/.test(name)) return { name: 'correctness', value: true };
  if (name === 'prefect_get_work_pool') return { name: 'default' };
  // Tools that need one of several optional fields.
  if (name === 'wandb_add_feedback') return { note: 'canary note' };
  if (name === 'wandb_get_trace') return { callId: fixture.callId };
  if (name === 'wandb_update_run') return { addTags: ['canary'] };
  if (name === 'mlflow_log_batch') return { params: { canary_param: '1' } };
  if (name === 'mlflow_update_run') return { runName: 'canary-renamed' };
  const mlflowRuns = fixture.runIds.map((id) => `mlflow://runs/${id}`);
  if (name === 'mlops_compare_runs') return { runs: mlflowRuns };
  if (name === 'mlops_find_lineage') return { uri: mlflowRuns[0] };
  return {};
}

/** Required fields from known values (else the smallest valid value), plus the tool's overrides. */
function toolArguments(name: string, schema: JsonSchema): Record<string, unknown> {
  const known = knownArguments();
  const args: Record<string, unknown> = {};
  for (const field of schema.required ?? []) {
    args[field] = field in known ? known[field] : smallValue(schema.properties?.[field] ?? {});
  }
  return { ...args, ...toolOverrides(name) };
}

/** The smallest value a schema accepts (first enum member, minimum, one item, required fields). */
function smallValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return smallValue(schema.anyOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const candidates = ['canary', 'canary-value', '1'];
      const fits = candidates.find(
        (candidate) =>
          candidate.length >= (schema.minLength ?? 0) &&
          candidate.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
          (!schema.pattern || new RegExp(schema.pattern).test(candidate)),
      );
      return fits ?? 'canary';
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        smallValue(schema.items ?? {}),
      );
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const field of schema.required ?? []) {
        value[field] = smallValue(schema.properties?.[field] ?? {});
      }
      if (!schema.properties && typeof schema.additionalProperties === 'object') {
        value.canary_key = smallValue(schema.additionalProperties);
      }
      return value;
    }
    default:
      return 'canary';
  }
}

/** An experiment with two runs (one metric each) and a run-tag, straight over REST with the password. */
async function createMlflowFixtures(): Promise<void> {
  const auth = {
    authorization: `Basic ${Buffer.from(`${MLFLOW_USER}:${MLFLOW_PASSWORD}`).toString('base64')}`,
  };
  const api = `${mlflow.url}/api/2.0/mlflow`;
  const experiment = (await rest(
    `${api}/experiments/create`,
    { name: fixture.experimentName },
    auth,
  )) as {
    experiment_id: string;
  };
  fixture.experimentId = experiment.experiment_id;
  fixture.runIds = await Promise.all(
    [0, 1].map(async (i) => {
      const run = (await rest(
        `${api}/runs/create`,
        {
          experiment_id: fixture.experimentId,
          start_time: Date.now(),
          run_name: `canary-run-${i}`,
        },
        auth,
      )) as { run: { info: { run_id: string } } };
      const runId = run.run.info.run_id;
      await rest(
        `${api}/runs/log-metric`,
        { run_id: runId, key: 'loss', value: 1 - i / 2, timestamp: Date.now(), step: 0 },
        auth,
      );
      return runId;
    }),
  );
}

/** A flow, a deployment of it and a flow run, over REST with the auth string. */
async function createPrefectFixtures(): Promise<void> {
  const auth = { authorization: `Basic ${Buffer.from(PREFECT_AUTH).toString('base64')}` };
  const flow = (await rest(`${prefect.url}/flows/`, { name: 'canary-flow' }, auth)) as {
    id: string;
  };
  fixture.flowId = flow.id;
  const deployment = (await rest(
    `${prefect.url}/deployments/`,
    { name: 'canary-deployment', flow_id: flow.id },
    auth,
  )) as { id: string };
  fixture.deploymentId = deployment.id;
  const run = (await rest(
    `${prefect.url}/deployments/${deployment.id}/create_flow_run`,
    {},
    auth,
  )) as {
    id: string;
  };
  fixture.flowRunId = run.id;
}

/** One finished call in the stand-in's project, as the weave client would write it. */
async function createWeaveFixtures(): Promise<void> {
  const auth = {
    authorization: `Basic ${Buffer.from(`api:${standin.apiKey}`).toString('base64')}`,
  };
  const projectId = `${standin.entity}/${WANDB_PROJECT}`;
  fixture.callId = randomUUID();
  const start = {
    project_id: projectId,
    id: fixture.callId,
    trace_id: randomUUID(),
    op_name: 'canary_op',
    started_at: new Date().toISOString(),
    attributes: {},
    inputs: { question: 'ping' },
  };
  await rest(`${weave.url}/call/start`, { start }, auth);
  const end = {
    project_id: projectId,
    id: fixture.callId,
    ended_at: new Date().toISOString(),
    output: 'pong',
    summary: {},
  };
  await rest(`${weave.url}/call/end`, { end }, auth);
}

async function rest(url: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}
